package i18n

// pricingLabels is the staff text of package pricing's codes.
var pricingLabels = []label{
	// Concessions, in the order the shop prefers them (rules P2, P3).
	lbl(PricingKind, "gift", "赠品", "贈品", "Gift", "Regalo"),
	lbl(PricingKind, "postage", "运费优惠", "運費優惠", "Postage concession", "Descuento en el envío"),
	lbl(PricingKind, "price_cut", "改价", "改價", "Price cut", "Rebaja de precio"),
	lbl(PricingKind, "erase_change", "抹零", "抹零", "Erase small change", "Quitar los céntimos"),
	lbl(PricingKind, "refund", "退款", "退款", "Refund", "Reembolso"),

	lbl(PricingCause, "oversold", "超卖补偿", "超賣補償", "Oversold item", "Artículo sobrevendido"),
	lbl(PricingCause, "agent_fault", "客服过失补偿", "客服過失補償", "Agent's fault", "Error del agente"),

	lbl(PricingPayer, "buyer", "买家", "買家", "Buyer", "Comprador"),
	lbl(PricingPayer, "shop", "店铺", "店鋪", "Shop", "Tienda"),

	// How a price difference is paid (rule P6).
	lbl(PricingSettlement, "top_up_order", "拍补差价链接", "拍補差價連結", "Top-up order", "Pedido complementario"),
	lbl(PricingSettlement, "freight_collect", "运费到付", "運費到付", "Freight collect", "Portes debidos"),
	lbl(PricingSettlement, "transfer", "退款或转账给买家", "退款或轉帳給買家", "Refund or transfer to the buyer", "Reembolso o transferencia al comprador"),

	// Why a concession review came out as it did (rules A3, A4, P1–P5).
	lbl(PricingReason, "beyond_authority", "超出权限", "超出權限", "Beyond the role's authority", "Fuera de la autoridad del rol"),
	lbl(PricingReason, "over_share", "超过可让利比例", "超過可讓利比例", "Above the role's share of the order", "Supera la parte del pedido permitida al rol"),
	lbl(PricingReason, "beyond_every_role", "任何岗位都无权给予", "任何崗位都無權給予", "Beyond every role's authority", "Ningún rol puede concederlo"),
	lbl(PricingReason, "exceeds_order", "超过订单应付金额", "超過訂單應付金額", "More than the order's amount due", "Más que el importe del pedido"),
	lbl(PricingReason, "ships_free", "订单已包邮，无运费可让", "訂單已包郵，無運費可讓", "The order already ships free", "El pedido ya tiene envío gratis"),
	lbl(PricingReason, "exceeds_postage", "超过已收运费", "超過已收運費", "More than the postage charged", "Más que el envío cobrado"),
	lbl(PricingReason, "erase_not_allowed", "该岗位不能抹零", "該崗位不能抹零", "This role may not erase change", "Este rol no puede quitar los céntimos"),
	lbl(PricingReason, "erase_over_share", "抹零超过订单金额比例", "抹零超過訂單金額比例", "Change to erase above the allowed share", "Los céntimos superan la parte permitida"),
	lbl(PricingReason, "erase_daily_limit", "今日抹零次数已用完", "今日抹零次數已用完", "Daily erase-change limit reached", "Límite diario de quitar céntimos alcanzado"),
	lbl(PricingReason, "not_small_change", "不是零头", "不是零頭", "Not small change", "No son céntimos sueltos"),
	lbl(PricingReason, "repeat_price_change", "订单已改过价", "訂單已改過價", "Price already changed once", "El precio ya se cambió una vez"),
	lbl(PricingReason, "after_payment", "已付款，不能再改价", "已付款，不能再改價", "Already paid: no price change", "Ya pagado: no se cambia el precio"),
	lbl(PricingReason, "outside_promotion", "不在活动时间内", "不在活動時間內", "Outside the promotion window", "Fuera del periodo de la promoción"),
	lbl(PricingReason, "order_closed", "交易已关闭", "交易已關閉", "Trade closed", "Transacción cerrada"),
	lbl(PricingReason, "oversold", "超卖补偿，由店长批准", "超賣補償，由店長核准", "Oversold: the store manager grants it", "Sobreventa: la concede el gerente de la tienda"),
	lbl(PricingReason, "agent_fault", "客服过失补偿，由主管批准", "客服過失補償，由主管核准", "Agent's fault: a supervisor grants it", "Error del agente: la concede un supervisor"),
	lbl(PricingReason, "gift_preferred", "建议改送赠品", "建議改送贈品", "Offer a gift instead", "Mejor ofrecer un regalo"),
	lbl(PricingReason, "postage_preferred", "建议改为运费优惠", "建議改為運費優惠", "Offer a postage concession instead", "Mejor ofrecer un descuento en el envío"),
	lbl(PricingReason, "period_limits", "按活动期间的权限", "按活動期間的權限", "Promotion period limits apply", "Rigen los límites del periodo de promoción"),
}
