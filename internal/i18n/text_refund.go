package i18n

// refundLabels is the staff text of package refund's codes. The refund and
// goods states are the platform's own wording in its seller back office.
var refundLabels = []label{
	lbl(RefundStatus, "NO_REFUND", "无退款", "無退款", "No refund", "Sin reembolso"),
	lbl(RefundStatus, "WAIT_SELLER_AGREE", "买家已申请退款，等待卖家同意", "買家已申請退款，等待賣家同意", "Awaiting the seller's agreement", "Pendiente de que el vendedor acepte"),
	lbl(RefundStatus, "WAIT_BUYER_RETURN_GOODS", "卖家已同意，等待买家退货", "賣家已同意，等待買家退貨", "Awaiting the buyer's return", "Pendiente de la devolución del comprador"),
	lbl(RefundStatus, "WAIT_SELLER_CONFIRM_GOODS", "买家已退货，等待卖家确认收货", "買家已退貨，等待賣家確認收貨", "Return sent, awaiting the seller's receipt", "Devolución enviada, pendiente de recibir"),
	lbl(RefundStatus, "SELLER_REFUSE_BUYER", "卖家拒绝退款", "賣家拒絕退款", "Refused by the seller", "Rechazado por el vendedor"),
	lbl(RefundStatus, "CLOSED", "退款关闭", "退款關閉", "Refund closed", "Reembolso cerrado"),
	lbl(RefundStatus, "SUCCESS", "退款成功", "退款成功", "Refunded", "Reembolsado"),

	lbl(RefundGoodStatus, "BUYER_NOT_RECEIVED", "买家未收到货", "買家未收到貨", "Buyer has not received the goods", "El comprador no ha recibido la mercancía"),
	lbl(RefundGoodStatus, "BUYER_RECEIVED", "买家已收到货", "買家已收到貨", "Buyer has the goods", "El comprador tiene la mercancía"),
	lbl(RefundGoodStatus, "BUYER_RETURNED_GOODS", "买家已退货", "買家已退貨", "Buyer returned the goods", "El comprador devolvió la mercancía"),

	lbl(RefundPhase, "onsale", "售中", "售中", "During the sale", "Durante la venta"),
	lbl(RefundPhase, "aftersale", "售后", "售後", "After the sale", "Después de la venta"),

	lbl(RefundEvent, "agree_refund", "同意退款", "同意退款", "Agree to refund", "Aceptar el reembolso"),
	lbl(RefundEvent, "agree_return", "同意退货", "同意退貨", "Agree to the return", "Aceptar la devolución"),
	lbl(RefundEvent, "refuse", "拒绝", "拒絕", "Refuse", "Rechazar"),
	lbl(RefundEvent, "return_goods", "买家退货", "買家退貨", "Buyer returns the goods", "El comprador devuelve la mercancía"),
	lbl(RefundEvent, "confirm_goods", "确认收到退货", "確認收到退貨", "Confirm the return arrived", "Confirmar la llegada de la devolución"),
	lbl(RefundEvent, "modify", "修改退款申请", "修改退款申請", "Modify the application", "Modificar la solicitud"),
	lbl(RefundEvent, "close", "关闭退款", "關閉退款", "Close the refund", "Cerrar el reembolso"),

	// Complaint types the platform handles (rule R6).
	lbl(RefundComplaint, "false_dispatch", "虚假发货", "虛假發貨", "False dispatch", "Envío falso"),
	lbl(RefundComplaint, "late_dispatch", "延迟发货", "延遲發貨", "Late dispatch", "Envío con retraso"),
	lbl(RefundComplaint, "broken_promise", "违背承诺", "違背承諾", "Broken promise", "Promesa incumplida"),
	lbl(RefundComplaint, "not_received", "未收到货", "未收到貨", "Goods not received", "Mercancía no recibida"),
	lbl(RefundComplaint, "consumer_protection", "消保投诉", "消保投訴", "Consumer-protection claim", "Reclamación de protección al consumidor"),
	lbl(RefundComplaint, "seven_day_return", "七天无理由退换货", "七天無理由退換貨", "Seven-day no-reason return", "Devolución sin motivo de siete días"),

	// Exchanges (rule R4).
	lbl(RefundExchangeStatus, "requested", "已同意换货，待买家寄回", "已同意換貨，待買家寄回", "Agreed, awaiting the buyer's return", "Aceptado, pendiente de la devolución"),
	lbl(RefundExchangeStatus, "return_shipped", "买家已寄回", "買家已寄回", "Return sent", "Devolución enviada"),
	lbl(RefundExchangeStatus, "return_received", "已收到退回商品", "已收到退回商品", "Return received", "Devolución recibida"),
	lbl(RefundExchangeStatus, "replacement_shipped", "新商品已发出", "新商品已寄出", "Replacement sent", "Reemplazo enviado"),
	lbl(RefundExchangeStatus, "cancelled", "换货已取消", "換貨已取消", "Exchange cancelled", "Cambio cancelado"),

	lbl(RefundExchangeEvent, "ship_return", "买家寄回商品", "買家寄回商品", "Buyer sends the goods back", "El comprador envía la devolución"),
	lbl(RefundExchangeEvent, "receive_return", "仓库收到退回商品", "倉庫收到退回商品", "Warehouse receives the return", "El almacén recibe la devolución"),
	lbl(RefundExchangeEvent, "dispatch_replacement", "发出新商品", "寄出新商品", "Dispatch the replacement", "Enviar el reemplazo"),
	lbl(RefundExchangeEvent, "cancel", "取消换货", "取消換貨", "Cancel the exchange", "Cancelar el cambio"),

	lbl(RefundMarketplace, "taobao", "淘宝", "淘寶", "Taobao", same),
	lbl(RefundMarketplace, "tmall", "天猫", "天貓", "Tmall", same),

	// Why goods go back, and who bears a postage leg (rule R5).
	lbl(RefundCause, "quality", "质量问题", "品質問題", "Quality problem", "Problema de calidad"),
	lbl(RefundCause, "wrong_item", "发错货", "寄錯貨", "Wrong item sent", "Artículo equivocado"),
	lbl(RefundCause, "damaged", "商品破损", "商品破損", "Arrived damaged", "Llegó dañado"),
	lbl(RefundCause, "no_reason", "七天无理由", "七天無理由", "Seven-day no-reason return", "Devolución sin motivo"),
	lbl(RefundCause, "ordered_wrongly", "买家拍错", "買家拍錯", "Buyer ordered wrongly", "El comprador se equivocó al pedir"),

	lbl(RefundPayer, "buyer", "买家", "買家", "Buyer", "Comprador"),
	lbl(RefundPayer, "seller", "卖家", "賣家", "Seller", "Vendedor"),

	// A suspected double shipment (rule R2).
	lbl(RefundShipped, "one_shipped", "只发出了一单", "只寄出了一筆", "One order shipped", "Salió un solo pedido"),
	lbl(RefundShipped, "two_shipped", "两单都发出了", "兩筆都寄出了", "Both orders shipped", "Salieron los dos pedidos"),
	lbl(RefundShipped, "inconclusive", "证据不足，无法判断", "證據不足，無法判斷", "Inconclusive", "No concluyente"),

	lbl(RefundFinance, "refund_one", "立即退款未发出的订单", "立即退款未寄出的訂單", "Refund the order that did not ship, now", "Reembolsar ya el pedido que no salió"),
	lbl(RefundFinance, "refund_after_return", "退货寄回后再退款", "退貨寄回後再退款", "Refund once the return arrives", "Reembolsar cuando llegue la devolución"),
	lbl(RefundFinance, "get_evidence", "先补充证据，暂不退款", "先補充證據，暫不退款", "Get the evidence first, no refund yet", "Primero las pruebas, aún sin reembolso"),

	// Seven-day no-reason returns (rule R3).
	lbl(RefundKind, "ordinary", "普通商品", "一般商品", "Ordinary goods", "Producto común"),
	lbl(RefundKind, "made_to_order", "定制商品", "訂製商品", "Made to order", "Hecho a medida"),
	lbl(RefundKind, "perishable", "鲜活易腐商品", "生鮮易腐商品", "Fresh or perishable", "Fresco o perecedero"),
	lbl(RefundKind, "digital", "数字商品", "數位商品", "Digital goods", "Producto digital"),
	lbl(RefundKind, "periodical", "报纸期刊", "報紙期刊", "Newspaper or periodical", "Periódico o revista"),

	lbl(RefundCondition, "washed", "已洗涤", "已洗滌", "Washed", "Lavado"),
	lbl(RefundCondition, "bleached", "已漂白", "已漂白", "Bleached", "Blanqueado"),
	lbl(RefundCondition, "worn_damaged", "已穿戴且有损坏", "已穿戴且有損壞", "Worn and damaged", "Usado y dañado"),
	lbl(RefundCondition, "not_resellable", "影响二次销售", "影響二次銷售", "Cannot be resold", "No se puede revender"),
	lbl(RefundCondition, "unsealed", "已拆封", "已拆封", "Unsealed", "Desprecintado"),

	lbl(RefundReason, "window_closed", "已过七天无理由退货期", "已過七天無理由退貨期", "The seven-day window has closed", "El plazo de siete días ya cerró"),
	lbl(RefundReason, "above_refund_limit", "超出客服可独自退款的金额", "超出客服可獨自退款的金額", "Above what an agent may refund alone", "Supera lo que un agente puede reembolsar solo"),
	lbl(RefundReason, "before_goods_back", "退货未到仓库就退款", "退貨未到倉庫就退款", "Refund before the goods are back", "Reembolso antes de recibir la devolución"),
	lbl(RefundReason, "difference_unavailable", "差价现在无法单独退，改为退款重拍", "差價現在無法單獨退，改為退款重拍", "The difference cannot be refunded alone now: refund and reorder", "La diferencia no se puede reembolsar sola ahora: reembolsar y volver a pedir"),
	lbl(RefundReason, "parcel_left", "原订单已出库，不能退款重拍", "原訂單已出庫，不能退款重拍", "The original left the warehouse: no refund-and-reorder", "El pedido original ya salió del almacén: no se reembolsa y vuelve a pedir"),
	lbl(RefundReason, "awaiting_hold", "原订单还没暂停发货", "原訂單還沒暫停發貨", "The original is not held yet", "El pedido original aún no está retenido"),
	lbl(RefundReason, "awaiting_hand_off", "还没交接给相关部门", "還沒交接給相關部門", "Not handed to the department yet", "Aún no se pasó al departamento"),
	lbl(RefundReason, "awaiting_acknowledgement", "已交接，对方还没确认", "已交接，對方還沒確認", "Handed over, not acknowledged yet", "Enviado, aún sin confirmar"),
	lbl(RefundReason, "acknowledgement_overdue", "交接超时未确认，打电话", "交接逾時未確認，打電話", "Acknowledgement overdue: call them", "Confirmación vencida: llamar por teléfono"),
	lbl(RefundReason, "call_required", "同事不在，紧急事项要打电话", "同事不在，緊急事項要打電話", "Colleague away: urgent, phone them", "Colega ausente: urgente, llamar por teléfono"),
	lbl(RefundReason, "awaiting_reorder", "买家还没重新下单", "買家還沒重新下單", "The buyer has not reordered yet", "El comprador aún no ha vuelto a pedir"),
	lbl(RefundReason, "awaiting_refund", "还没退款", "還沒退款", "Not refunded yet", "Aún sin reembolsar"),
	lbl(RefundReason, "awaiting_evidence", "仓库还没提供出库记录和面单重量", "倉庫還沒提供出庫記錄和面單重量", "The warehouse has not shown the outbound record and weights", "El almacén aún no mostró el registro de salida y los pesos"),
	lbl(RefundReason, "awaiting_return", "两单都发出，等退回或快递拦截", "兩筆都寄出，等退回或快遞攔截", "Both shipped: waiting for the return or an interception", "Salieron los dos: esperando la devolución o la intercepción"),
	lbl(RefundReason, "refunded_original_left", "原订单退款后仍出库，只能快递拦截", "原訂單退款後仍出庫，只能快遞攔截", "The refunded original left: only the courier can stop it", "El original reembolsado salió: solo la mensajería puede detenerlo"),
	lbl(RefundReason, "refund_overdue", "承诺的退款已逾期", "承諾的退款已逾期", "Promised refund overdue", "Reembolso prometido vencido"),
	lbl(RefundReason, "return_not_refunded", "退货已收到，还没退款", "退貨已收到，還沒退款", "Return received, not refunded", "Devolución recibida, sin reembolsar"),
	lbl(RefundReason, "exchange_awaiting_return", "换货久等买家退回", "換貨久等買家退回", "Exchange waiting too long for the return", "Cambio esperando demasiado la devolución"),
	lbl(RefundReason, "made_to_order", "定制商品，依法不适用", "訂製商品，依法不適用", "Made to order: excluded by law", "Hecho a medida: excluido por ley"),
	lbl(RefundReason, "perishable", "鲜活易腐商品，依法不适用", "生鮮易腐商品，依法不適用", "Perishable: excluded by law", "Perecedero: excluido por ley"),
	lbl(RefundReason, "digital_unsealed", "数字商品已拆封，依法不适用", "數位商品已拆封，依法不適用", "Digital goods unsealed: excluded by law", "Producto digital desprecintado: excluido por ley"),
	lbl(RefundReason, "periodical", "报纸期刊，依法不适用", "報紙期刊，依法不適用", "Periodical: excluded by law", "Periódico o revista: excluido por ley"),
	lbl(RefundReason, "confirmed_at_purchase", "买家购买时已确认不支持", "買家購買時已確認不適用", "The buyer confirmed it as not returnable when buying", "El comprador lo aceptó como no devolvible al comprar"),
	lbl(RefundReason, "washed", "商品已洗涤", "商品已洗滌", "The goods were washed", "La mercancía se lavó"),
	lbl(RefundReason, "bleached", "商品已漂白", "商品已漂白", "The goods were bleached", "La mercancía se blanqueó"),
	lbl(RefundReason, "worn_damaged", "商品已穿戴且有损坏", "商品已穿戴且有損壞", "The goods were worn and damaged", "La mercancía se usó y está dañada"),
	lbl(RefundReason, "not_resellable", "影响二次销售", "影響二次銷售", "The goods can no longer be resold", "La mercancía ya no se puede revender"),
	lbl(RefundReason, "confirm_order", "确认是哪个订单", "確認是哪筆訂單", "Confirm which order", "Confirmar qué pedido es"),
	lbl(RefundReason, "confirm_bought_at", "确认购买时间", "確認購買時間", "Confirm when it was bought", "Confirmar cuándo se compró"),
	lbl(RefundReason, "confirm_intact", "告知商品需完好寄回", "告知商品需完好寄回", "Tell the buyer the goods must come back intact", "Avisar de que la mercancía debe volver intacta"),
	lbl(RefundReason, "shop_at_fault", "店铺责任，来回运费由卖家承担", "店鋪責任，來回運費由賣家負擔", "The shop is at fault: the seller pays both legs", "Culpa de la tienda: el vendedor paga ida y vuelta"),
	lbl(RefundReason, "no_reason_free_shipping", "包邮商品无理由退货，买家承担退回运费", "包郵商品無理由退貨，買家負擔退回運費", "No-reason return of a free-shipping item: the buyer pays the return leg", "Devolución sin motivo con envío gratis: el comprador paga la vuelta"),
	lbl(RefundReason, "no_reason_postage_paid", "非包邮商品无理由退货，买家承担来回运费", "非包郵商品無理由退貨，買家負擔來回運費", "No-reason return of an item with postage: the buyer pays both legs", "Devolución sin motivo sin envío gratis: el comprador paga ida y vuelta"),
	lbl(RefundReason, "bargained_mistake", "议价包邮且买家拍错，提供两种方案", "議價包郵且買家拍錯，提供兩種方案", "Bargained free shipping, ordered wrongly: offer two choices", "Envío gratis negociado y pedido por error: ofrecer dos opciones"),
	lbl(RefundReason, "sf_return", "港澳台退货：扣除运费，收到退货后退款", "港澳台退貨：扣除運費，收到退貨後退款", "Hong Kong, Macao, Taiwan: postage deducted, refund on arrival", "Hong Kong, Macao, Taiwán: se descuenta el envío y se reembolsa al llegar"),
	lbl(RefundReason, "below_free_shipping", "部分退货后不满包邮，扣除运费", "部分退貨後不滿包郵，扣除運費", "The partial return drops below free shipping: postage deducted", "La devolución parcial baja del envío gratis: se descuenta el envío"),
	lbl(RefundReason, "shop_caused_exchange", "店铺原因换货，买家不承担运费", "店鋪原因換貨，買家不負擔運費", "An exchange the shop caused: no postage for the buyer", "Cambio por culpa de la tienda: sin envío para el comprador"),
	lbl(RefundReason, "no_outbound_record", "仓库还没有提供出库记录", "倉庫還沒有提供出庫記錄", "No outbound record from the warehouse yet", "El almacén aún no mostró el registro de salida"),
	lbl(RefundReason, "weight_missing", "快递底单没有重量", "快遞底單沒有重量", "A waybill stub has no weight", "Una guía no tiene peso"),
	lbl(RefundReason, "expected_weight_unknown", "不知道一个包裹应有的重量", "不知道一個包裹應有的重量", "Nobody knows what one parcel should weigh", "No se sabe cuánto debe pesar un paquete"),
	lbl(RefundReason, "weight_mismatch", "重量既不是一单也不是两单", "重量既不是一筆也不是兩筆", "A weight is neither one parcel's nor two", "Un peso no es ni de uno ni de dos paquetes"),
	lbl(RefundReason, "records_disagree", "出库记录与重量记录不符", "出庫記錄與重量記錄不符", "The records disagree", "Los registros no coinciden"),
	lbl(RefundReason, "cash_back_offer", "提到好评返现", "提到好評返現", "Mentions cash back for a review", "Menciona dinero a cambio de reseñas"),
}
