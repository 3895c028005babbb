package i18n

// shippingLabels is the staff text of package shipping's codes.
var shippingLabels = []label{
	// Couriers by the codes shops give them, named as each language names
	// them (rule S5); a policy's own codes outside this list print as
	// they are.
	lbl(ShippingCarrier, "sf", "顺丰速运", "順豐速運", "SF Express", same),
	lbl(ShippingCarrier, "yto", "圆通速递", "圓通速遞", "YTO Express", same),
	lbl(ShippingCarrier, "zto", "中通快递", "中通快遞", "ZTO Express", same),
	lbl(ShippingCarrier, "sto", "申通快递", "申通快遞", "STO Express", same),
	lbl(ShippingCarrier, "yunda", "韵达快递", "韻達快遞", "Yunda Express", same),
	lbl(ShippingCarrier, "jt", "极兔速递", "極兔速遞", "J&T Express", same),
	lbl(ShippingCarrier, "ems", "中国邮政 EMS", "中國郵政 EMS", "China Post EMS", same),
	lbl(ShippingCarrier, "jd", "京东物流", "京東物流", "JD Logistics", same),
	lbl(ShippingCarrier, "deppon", "德邦快递", "德邦快遞", "Deppon Express", same),
	lbl(ShippingCarrier, "best", "百世快递", "百世快遞", "Best Express", same),

	lbl(ShippingWeekday, "sunday", "周日", "週日", "Sunday", "Domingo"),
	lbl(ShippingWeekday, "monday", "周一", "週一", "Monday", "Lunes"),
	lbl(ShippingWeekday, "tuesday", "周二", "週二", "Tuesday", "Martes"),
	lbl(ShippingWeekday, "wednesday", "周三", "週三", "Wednesday", "Miércoles"),
	lbl(ShippingWeekday, "thursday", "周四", "週四", "Thursday", "Jueves"),
	lbl(ShippingWeekday, "friday", "周五", "週五", "Friday", "Viernes"),
	lbl(ShippingWeekday, "saturday", "周六", "週六", "Saturday", "Sábado"),

	// The parcel's way (rule S7): the warehouse's steps, then the courier's.
	lbl(ShippingStage, "cut", "已截单", "已截單", "Order cut", "Pedido cortado"),
	lbl(ShippingStage, "printed", "已打单", "已列印面單", "Waybill printed", "Guía impresa"),
	lbl(ShippingStage, "picked", "已拣货", "已揀貨", "Picked", "Preparado"),
	lbl(ShippingStage, "outbound", "已出库", "已出庫", "Left the warehouse", "Salió del almacén"),
	lbl(ShippingStage, "picked_up", "快递已揽收", "快遞已攬收", "Picked up by the courier", "Recogido por la mensajería"),
	lbl(ShippingStage, "entered", "已录入快递系统", "已錄入快遞系統", "In the courier's system", "Registrado por la mensajería"),
	lbl(ShippingStage, "allocated", "已分配至转运中心", "已分配至轉運中心", "Allocated to a hub", "Asignado a un centro de distribución"),
	lbl(ShippingStage, "in_transit", "运输中", "運輸中", "In transit", "En tránsito"),
	lbl(ShippingStage, "at_destination", "已到达目的地城市", "已抵達目的地城市", "In the destination city", "En la ciudad de destino"),
	lbl(ShippingStage, "out_for_delivery", "派送中", "派送中", "Out for delivery", "En reparto"),
	lbl(ShippingStage, "delivered", "已签收", "已簽收", "Delivered", "Entregado"),
	lbl(ShippingStage, "lost", "丢件", "遺失", "Lost", "Perdido"),
	lbl(ShippingStage, "damaged", "破损", "破損", "Damaged", "Dañado"),

	lbl(ShippingStop, "hold", "可暂停发货", "可暫停發貨", "Can be held", "Se puede retener"),
	lbl(ShippingStop, "intercept", "只能由快递拦截", "只能由快遞攔截", "Only the courier can intercept it", "Solo la mensajería puede interceptarlo"),
	lbl(ShippingStop, "too_late", "已签收，无法拦截", "已簽收，無法攔截", "Too late: delivered", "Demasiado tarde: entregado"),

	// What a buyer chasing a parcel is told about (rule S8).
	lbl(ShippingSituation, "not_paid", "未付款", "未付款", "Not paid", "Sin pagar"),
	lbl(ShippingSituation, "not_dispatched", "未发货（在承诺时间内）", "未發貨（在承諾時間內）", "Not dispatched yet, within the window", "Sin enviar, dentro del plazo"),
	lbl(ShippingSituation, "late_dispatch", "发货超时", "發貨逾時", "Dispatch late", "Envío con retraso"),
	lbl(ShippingSituation, "no_tracking", "已发货，无物流信息", "已發貨，無物流資訊", "Dispatched, no tracking", "Enviado, sin seguimiento"),
	lbl(ShippingSituation, "on_the_way", "运输中", "運送中", "On the way", "En camino"),
	lbl(ShippingSituation, "stalled_at_origin", "滞留发货地", "滯留發貨地", "Stuck at origin", "Detenido en origen"),
	lbl(ShippingSituation, "stalled_at_destination", "到达城市未派送", "抵達城市未派送", "In the city, not delivered", "En la ciudad, sin entregar"),
	lbl(ShippingSituation, "lost", "丢件", "遺失", "Lost", "Perdido"),
	lbl(ShippingSituation, "damaged", "破损", "破損", "Damaged", "Dañado"),
	lbl(ShippingSituation, "delivered", "已签收", "已簽收", "Delivered", "Entregado"),
	lbl(ShippingSituation, "trade_closed", "交易已关闭", "交易已關閉", "Trade closed", "Transacción cerrada"),

	lbl(ShippingAction, "answer_at_once", "立即回复买家", "立即回覆買家", "Answer at once", "Responder enseguida"),
	lbl(ShippingAction, "explain_promotion", "说明大促期间发货压力", "說明大促期間發貨壓力", "Explain the promotion's load on dispatch", "Explicar la carga de la gran promoción en los envíos"),
	lbl(ShippingAction, "chase_warehouse", "催仓库发货", "催倉庫發貨", "Chase the warehouse", "Reclamar al almacén"),
	lbl(ShippingAction, "chase_courier", "联系快递查件", "聯絡快遞查件", "Chase the courier", "Reclamar a la mensajería"),
	lbl(ShippingAction, "reship_and_apologise", "补发并致歉", "補發並致歉", "Reship and apologise", "Reenviar y pedir disculpas"),
	lbl(ShippingAction, "ask_to_pay", "提醒买家付款", "提醒買家付款", "Ask the buyer to pay", "Pedir al comprador que pague"),

	// Dispatch promises never name a date (rule S6).
	lbl(ShippingWording, "ships_today", "今天发货", "今天發貨", "Ships today", "Sale hoy"),
	lbl(ShippingWording, "ships_tomorrow", "最晚明天发货", "最晚明天發貨", "Ships by tomorrow", "Sale mañana a más tardar"),
	lbl(ShippingWording, "within_days", "几天内发货", "數天內發貨", "Ships within days", "Sale en unos días"),

	lbl(ShippingRemedy, "fix_postage", "修改运费", "修改運費", "Fix the postage", "Corregir los gastos de envío"),
	lbl(ShippingRemedy, "refund_difference", "退运费差价", "退運費差價", "Refund the difference", "Reembolsar la diferencia"),
	lbl(ShippingRemedy, "refund_and_reorder", "退款重拍", "退款重拍", "Refund and reorder", "Reembolsar y volver a pedir"),

	lbl(ShippingProblem, "no_carrier_serves_region", "没有快递可派送该地区", "沒有快遞可派送該地區", "No carrier serves the region", "Ninguna mensajería llega a la región"),
	lbl(ShippingProblem, "no_sf_carrier", "港澳台订单，店铺没有可派送的顺丰", "港澳台訂單，店鋪沒有可派送的順豐", "Hong Kong, Macao, Taiwan: no SF carrier serves it", "Hong Kong, Macao, Taiwán: ningún SF llega"),

	// Free shipping (rules S1, S2).
	lbl(ShippingReason, "below_threshold", "未达包邮金额", "未達包郵金額", "Below the free-shipping amount", "Por debajo del importe del envío gratis"),
	lbl(ShippingReason, "below_quantity", "未达包邮件数", "未達包郵件數", "Below the free-shipping quantity", "Por debajo de las unidades del envío gratis"),
	lbl(ShippingReason, "excluded_region", "该地区不包邮", "該地區不包郵", "Region excluded from free shipping", "Región sin envío gratis"),
	lbl(ShippingReason, "excluded_sku", "商品不参加包邮", "商品不參加包郵", "Item excluded from free shipping", "Artículo sin envío gratis"),
	lbl(ShippingReason, "region_missing", "地址缺少省份/地区", "地址缺少省份/地區", "Address names no region", "La dirección no indica la región"),
	lbl(ShippingReason, "free_shipping_off", "当前不包邮", "目前不包郵", "No free shipping in this period", "Sin envío gratis en este periodo"),
	lbl(ShippingReason, "promotion_rules", "按活动包邮规则", "按活動包郵規則", "Promotion's free-shipping rules", "Reglas de envío gratis de la promoción"),
	lbl(ShippingReason, "postage_overcharged", "多收运费", "多收運費", "Postage overcharged", "Gastos de envío cobrados de más"),
	lbl(ShippingReason, "postage_undercharged", "少收运费", "少收運費", "Postage undercharged", "Gastos de envío cobrados de menos"),
	lbl(ShippingReason, "postage_missing", "未收运费", "未收運費", "No postage charged", "Sin gastos de envío cobrados"),

	// Carriers (rules S3, S5, P6).
	lbl(ShippingReason, "preferred_carrier", "按买家指定快递", "按買家指定快遞", "Buyer's preferred carrier", "Mensajería elegida por el comprador"),
	lbl(ShippingReason, "default_carrier", "店铺默认快递", "店鋪預設快遞", "Shop's default carrier", "Mensajería por defecto de la tienda"),
	lbl(ShippingReason, "fallback_carrier", "默认快递不到，改用其他快递", "預設快遞不到，改用其他快遞", "Default carrier does not serve: another chosen", "La mensajería por defecto no llega: se eligió otra"),
	lbl(ShippingReason, "carrier_not_serving", "买家指定的快递不到", "買家指定的快遞不到", "Buyer's carrier does not serve the region", "La mensajería del comprador no llega a la región"),
	lbl(ShippingReason, "sf_only", "港澳台只发顺丰", "港澳台只發順豐", "Hong Kong, Macao, Taiwan: SF only", "Hong Kong, Macao, Taiwán: solo SF"),
	lbl(ShippingReason, "out_of_area", "超区，没有快递可派送", "超區，沒有快遞可派送", "Outside every carrier's area", "Fuera del área de toda mensajería"),
	lbl(ShippingReason, "price_difference", "快递运费更高，需补差价", "快遞運費更高，需補差價", "Carrier costs more: difference to settle", "La mensajería cuesta más: diferencia por pagar"),
	lbl(ShippingReason, "freight_collect", "运费到付", "運費到付", "Freight collect", "Portes debidos"),

	// Addresses (rule S4).
	lbl(ShippingReason, "transit_warehouse", "快递中转仓地址，无法派送", "快遞轉運倉地址，無法派送", "Courier transit warehouse, not a delivery address", "Almacén de tránsito, no es una dirección de entrega"),

	// Dispatch promises and payment reminders (rules S6, S10).
	lbl(ShippingReason, "cutoff_passed", "已过当日发货截止时间", "已過當日發貨截止時間", "Past the day's dispatch cutoff", "Pasada la hora límite de envío del día"),
	lbl(ShippingReason, "non_working_day", "非工作日", "非工作日", "Non-working day", "Día no laborable"),
	lbl(ShippingReason, "big_promotion", "大促期间", "大促期間", "Big promotion", "Gran promoción"),
	lbl(ShippingReason, "exact_date", "承诺了具体日期", "承諾了具體日期", "Promise names an exact date", "La promesa da una fecha exacta"),
	lbl(ShippingReason, "delivery_guarantee", "承诺了送达时间", "承諾了送達時間", "Promise guarantees a delivery time", "La promesa garantiza la entrega"),
	lbl(ShippingReason, "earlier_than_honest", "承诺早于实际可发货时间", "承諾早於實際可發貨時間", "Earlier than the shop can keep", "Antes de lo que la tienda puede cumplir"),
	lbl(ShippingReason, "not_awaiting_payment", "订单不在待付款状态", "訂單不在待付款狀態", "Not awaiting payment", "No está pendiente de pago"),
	lbl(ShippingReason, "buyer_offline", "买家不在线", "買家離線", "Buyer offline", "Comprador desconectado"),
	lbl(ShippingReason, "already_reminded", "今日已催付", "今日已催付", "Already reminded today", "Ya se le recordó hoy"),
	lbl(ShippingReason, "ships_today_if_paid", "现在付款今天发货", "現在付款今天發貨", "Paid now, it ships today", "Si se paga ahora, sale hoy"),
	lbl(ShippingReason, "too_early", "还没到催付时间", "還沒到催付時間", "Too early to remind", "Aún es pronto para recordar el pago"),

	// Parcels (rules S7, S8).
	lbl(ShippingReason, "within_window", "在承诺发货时间内", "在承諾發貨時間內", "Within the dispatch window", "Dentro del plazo de envío"),
	lbl(ShippingReason, "past_window", "已超过承诺发货时间", "已超過承諾發貨時間", "Past the dispatch window", "Fuera del plazo de envío"),
	lbl(ShippingReason, "no_tracking", "快递还没有揽收扫描", "快遞還沒有攬收掃描", "No courier scan yet", "Sin escaneo de la mensajería"),
	lbl(ShippingReason, "no_movement", "物流长时间没有更新", "物流長時間沒有更新", "Tracking not moving", "El seguimiento no avanza"),
	lbl(ShippingReason, "courier_reported", "快递报告丢件或破损", "快遞回報遺失或破損", "Courier reported it lost or damaged", "La mensajería informó de pérdida o daño"),
	lbl(ShippingReason, "no_update_for_long", "长时间无物流更新，按丢件处理", "長時間無物流更新，按遺失處理", "No update for so long it counts as lost", "Sin novedades tanto tiempo que se da por perdido"),
	lbl(ShippingReason, "order_held", "订单暂停发货中", "訂單暫停發貨中", "Order held from dispatch", "Pedido retenido"),
}
