package i18n

// notesLabels is the staff text of package notes' codes. The note kinds,
// flags and field labels, with order's roles and release event, are the
// words of the canonical note line (【改地址】旗:红 …) in each language, so
// they stay free of the line's punctuation (| \ : ( ) [ ] 【 】), stable
// under the normalisation a parsed line goes through, and one code per
// word across the four languages (the notes tests check it).
var notesLabels = []label{
	lbl(NotesUrgency, "routine", "常规", "一般", "Routine", "Normal"),
	lbl(NotesUrgency, "urgent", "紧急", "緊急", "Urgent", "Urgente"),

	lbl(OrderChannel, "chat", "旺旺/聊天", "旺旺/聊天", "Chat", same),
	lbl(OrderChannel, "phone", "电话", "電話", "Phone", "Teléfono"),
	lbl(OrderChannel, "sms", "短信", "簡訊", "SMS", same),
	lbl(OrderChannel, "in_person", "当面", "當面", "In person", "En persona"),

	lbl(NotesFlag, "none", "无", "無", "None", "Sin bandera"),
	lbl(NotesFlag, "red", "红", "紅", "Red", "Roja"),
	lbl(NotesFlag, "yellow", "黄", "黃", "Yellow", "Amarilla"),
	lbl(NotesFlag, "green", "绿", "綠", "Green", "Verde"),
	lbl(NotesFlag, "blue", "蓝", "藍", "Blue", "Azul"),
	lbl(NotesFlag, "purple", "紫", "紫", "Purple", "Morada"),

	lbl(NotesKind, "address_change", "改地址", "改地址", "Address change", "Cambio de dirección"),
	lbl(NotesKind, "gift", "送赠品", "送贈品", "Gift", "Regalo"),
	lbl(NotesKind, "exchange", "换货", "換貨", "Exchange", "Cambio de artículo"),
	lbl(NotesKind, "postage_fix", "改邮费", "改郵費", "Postage fix", "Corrección del envío"),
	lbl(NotesKind, "refund", "退款", "退款", "Refund", "Reembolso"),
	lbl(NotesKind, "hold", "暂停发货", "暫停發貨", "Hold", "Retener el envío"),
	lbl(NotesKind, "urgent", "加急", "加急", "Rush", "Urgente"),
	lbl(NotesKind, "other", "其他", "其他", "Other", "Otro"),

	lbl(NotesPromiseKind, "dispatch_by", "按时发货", "按時發貨", "Dispatch by", "Enviar antes de"),
	lbl(NotesPromiseKind, "refund_by", "按时退款", "按時退款", "Refund by", "Reembolsar antes de"),
	lbl(NotesPromiseKind, "reship", "补发", "補發", "Reship", "Reenvío"),
	lbl(NotesPromiseKind, "send_gift", "寄送赠品", "寄送贈品", "Send a gift", "Enviar un regalo"),
	lbl(NotesPromiseKind, "call_back", "回电", "回電", "Call back", "Devolver la llamada"),
	lbl(NotesPromiseKind, "deliver_by", "指定送达（不可承诺）", "指定送達（不可承諾）", "Deliver by (never promised)", "Entregar antes de (nunca se promete)"),

	lbl(NotesPromiseState, "open", "进行中", "進行中", "Open", "Abierta"),
	lbl(NotesPromiseState, "due_soon", "即将到期", "即將到期", "Due soon", "Vence pronto"),
	lbl(NotesPromiseState, "overdue", "已逾期", "已逾期", "Overdue", "Vencida"),
	lbl(NotesPromiseState, "kept", "已兑现", "已兌現", "Kept", "Cumplida"),
	// Broken covers a promise kept late and one given up (the state does
	// not tell them apart, rule N3): "not kept on time" is true of both.
	lbl(NotesPromiseState, "broken", "未按时兑现", "未按時兌現", "Broken", "Incumplida"),

	lbl(NotesReason, "phone_required", "同事不在，紧急事项需打电话", "同事不在，緊急事項需打電話", "Colleague away: urgent, so by phone", "Colega ausente: urgente, por teléfono"),
	lbl(NotesReason, "exact_delivery_date", "不能承诺送达日期", "不能承諾送達日期", "No delivery date may be promised", "No se puede prometer una fecha de entrega"),
	lbl(NotesReason, "earlier_than_policy", "早于发货规定", "早於發貨規定", "Earlier than the shipping policy allows", "Antes de lo que permite la política de envío"),
	lbl(NotesReason, "out_of_stock", "库存不足", "庫存不足", "Out of stock", "Sin stock"),
	lbl(NotesReason, "stock_not_counted", "库存里没有这个货号", "庫存裡沒有這個貨號", "SKU not in the stock count", "SKU fuera del recuento de stock"),
	lbl(NotesReason, "order_held", "订单暂停发货", "訂單暫停發貨", "Order held", "Pedido retenido"),
	lbl(NotesReason, "memo_full", "备注已满（1000 字节）", "備註已滿（1000 位元組）", "Memo full (1000 bytes)", "Nota llena (1000 bytes)"),
	lbl(NotesReason, "hold_mismatch", "备注与订单的暂停状态不一致", "備註與訂單的暫停狀態不一致", "Memo and order disagree on the hold", "La nota y el pedido no coinciden en la retención"),
	lbl(NotesReason, "order_not_open", "交易已结束", "交易已結束", "Trade finished or closed", "Transacción terminada o cerrada"),
	lbl(NotesReason, "already_dispatched", "已经发货", "已經發貨", "Already dispatched", "Ya enviado"),
	lbl(NotesReason, "not_approved", "未经组长审核", "未經組長審核", "Not approved by the team leader", "Sin aprobar por el supervisor"),

	lbl(NotesTopic, "promotion", "活动", "活動", "Promotion", "Promoción"),
	lbl(NotesTopic, "product", "商品", "商品", "Product", "Producto"),
	lbl(NotesTopic, "parcel", "物流", "物流", "Parcel", "Paquete"),

	lbl(OrderRound, "morning", "上午", "上午", "Morning", "Mañana"),
	lbl(OrderRound, "evening", "晚上", "晚上", "Evening", "Tarde"),

	// The labels of the canonical note line's fields (rule N1): 旗:红 | 原因:…
	lbl(NotesField, "flag", "旗", "旗", "Flag", "Bandera"),
	lbl(NotesField, "reason", "原因", "原因", "Reason", "Motivo"),
	lbl(NotesField, "address", "新地址", "新地址", "New address", "Nueva dirección"),
	lbl(NotesField, "sku", "货号", "貨號", "SKU", same),
	lbl(NotesField, "quantity", "数量", "數量", "Quantity", "Cantidad"),
	lbl(NotesField, "amount", "金额", "金額", "Amount", "Importe"),
	lbl(NotesField, "author", "经办", "經辦", "By", "Por"),
	lbl(NotesField, "staff_id", "工号", "工號", "Staff ID", "ID de empleado"),
	lbl(NotesField, "at", "时间", "時間", "Time", "Fecha y hora"),

	// The silent-order checklist (rule O4).
	lbl(NotesTask, "remind_gift", "提醒买家加赠品", "提醒買家加贈品", "Remind the buyer to add the gift", "Recordar al comprador que añada el regalo"),
	lbl(NotesTask, "note_send_gift", "备注随单送赠品", "備註隨單送贈品", "Note: send the gift with the parcel", "Nota: enviar el regalo con el paquete"),
	lbl(NotesTask, "fix_postage", "改运费", "改運費", "Fix the postage", "Corregir los gastos de envío"),
	lbl(NotesTask, "refund_postage", "退运费差价", "退運費差價", "Refund the postage difference", "Reembolsar la diferencia del envío"),
	lbl(NotesTask, "tell_can_pay", "告诉买家可以付款", "告訴買家可以付款", "Tell the buyer they can pay", "Decir al comprador que ya puede pagar"),
}
