package i18n

// planDefs are the texts of the messages in decisions_order.go: the staff
// lines of order's decisions and the after-sales digest, and refund's
// refund-and-reorder plans, with the replies a buyer is told of them.
var planDefs = []def{

	// Cash on delivery (rules S9, N6).
	{StaffIfDeclined{}, [numLangs]string{
		"买家不接受则{action}",
		"買家不接受則{action}",
		"If the buyer declines: {action}",
		"Si el comprador no acepta: {action}",
	}},
	{StaffConfirmBy{}, [numLangs]string{
		"买家需在 {by} 前确认",
		"買家需在 {by} 前確認",
		"Buyer to confirm by {by}",
		"El comprador confirma antes del {by}",
	}},

	// Slow review (rule O5).
	{StaffSlowReviewDay{}, [numLangs]string{
		"慢审第 {day} 天",
		"慢審第 {day} 天",
		"Slow review, day {day}",
		"Revisión lenta, día {day}",
	}},
	{StaffDealWithBy{}, [numLangs]string{
		"{by} 前处理",
		"{by} 前處理",
		"Deal with it by {by}",
		"Atender antes del {by}",
	}},
	{StaffContactDue{}, [numLangs]string{
		"{round}待联系：{channels}",
		"{round}待聯絡：{channels}",
		"Still to try this {round}: {channels}",
		"Falta probar esta {round}: {channels}",
	}},
	{StaffRoundsMissed{}, [numLangs]string{
		"{count} 轮没有联系全",
		"{count} 輪沒有聯絡齊",
		"{count, plural, one {{count} round} other {{count} rounds}} not fully tried",
		"{count, plural, one {{count} ronda incompleta} other {{count} rondas incompletas}}",
	}},

	// Oversold items (rules O3, P5).
	{StaffOversold{}, [numLangs]string{
		"{sku} 超卖（实际库存 {on_hand} 件，需求 {demand} 件）",
		"{sku} 超賣（實際庫存 {on_hand} 件，需求 {demand} 件）",
		"{sku} oversold (stock {on_hand}, demand {demand})",
		"{sku} sobrevendido (stock {on_hand}, demanda {demand})",
	}},
	{StaffStockCovers{}, [numLangs]string{
		"{sku} 库存充足（实际库存 {on_hand} 件，需求 {demand} 件）",
		"{sku} 庫存充足（實際庫存 {on_hand} 件，需求 {demand} 件）",
		"{sku} in stock (stock {on_hand}, demand {demand})",
		"{sku} con stock (stock {on_hand}, demanda {demand})",
	}},
	{StaffAllocated{}, [numLangs]string{
		"{order} 只发 {allocated}/{ordered} 件",
		"{order} 只發 {allocated}/{ordered} 件",
		"{order}: {allocated} of {ordered} ship",
		"{order}: salen {allocated} de {ordered}",
	}},
	{StaffCompensation{}, [numLangs]string{
		"向{role}申请补偿",
		"向{role}申請補償",
		"Ask the {role} for compensation",
		"Pedir una compensación al {role}",
	}},
	{OutOfStockPartial{}, [numLangs]string{
		"亲，非常抱歉，您拍的宝贝库存不够了，可以先为您发出 {allocated} 件，剩下的 {short} 件可以退款或者换成其他款式，您看可以吗？",
		"親，非常抱歉，您拍的寶貝庫存不夠了，可以先為您寄出 {allocated} 件，剩下的 {short} 件可以退款或者換成其他款式，您看可以嗎？",
		"We're very sorry, we're short of the item you ordered: we can send {allocated} now, and refund or switch {short, plural, one {the other one} other {the other {short}}}. Which would you prefer?",
		"Lo sentimos mucho, no tenemos todas las unidades que pediste: podemos enviarte {allocated} ya y reembolsarte o cambiarte {short, plural, one {la otra} other {las otras {short}}}. ¿Qué prefieres?",
	}},
	{OutOfStockOfferCOD{}, [numLangs]string{
		"亲，非常抱歉，您拍的宝贝库存不足，可以为您换成其他款式，或者取消这笔订单，您看可以吗？",
		"親，非常抱歉，您拍的寶貝庫存不足，可以為您換成其他款式，或者取消這筆訂單，您看可以嗎？",
		"We're very sorry, the item you ordered is out of stock. We can switch it to another item or cancel the order; which would you prefer?",
		"Lo sentimos mucho, el artículo que pediste se agotó. Podemos cambiarlo por otro o cancelar el pedido; ¿qué prefieres?",
	}},

	// The after-sales digest (rule O2).
	{StaffDigestHead{}, [numLangs]string{
		"问题订单（{at}）：共 {orders} 单，下次 {next}",
		"問題訂單（{at}）：共 {orders} 筆，下次 {next}",
		"Problem orders at {at}: {orders, plural, one {{orders} order} other {{orders} orders}}, next form {next}",
		"Pedidos con problemas ({at}): {orders, plural, one {{orders} pedido} other {{orders} pedidos}}, próximo informe {next}",
	}},
	{StaffDigestGroup{}, [numLangs]string{
		"{category}：{count} 单",
		"{category}：{count} 筆",
		"{category}: {count}",
		same,
	}},
	{StaffDigestColumns{}, [numLangs]string{
		"订单号\t下单时间\t时长\t买家\t地区\t原因",
		"訂單編號\t下單時間\t時長\t買家\t地區\t原因",
		"ORDER\tPLACED\tAGE\tBUYER\tREGION\tREASONS",
		"PEDIDO\tHECHO\tANTIGÜEDAD\tCOMPRADOR\tREGIÓN\tMOTIVOS",
	}},
	{StaffAgeMinutes{}, [numLangs]string{
		"{hours}小时{minutes}分",
		"{hours}小時{minutes}分",
		"{hours} h {minutes} min",
		same,
	}},
	{StaffAgeMins{}, [numLangs]string{
		"{minutes}分钟",
		"{minutes}分鐘",
		"{minutes} min",
		same,
	}},
	{StaffAgeDays{}, [numLangs]string{
		"{days}天{hours}小时",
		"{days}天{hours}小時",
		"{days} d {hours} h",
		same,
	}},

	// Refund-and-reorder plans (rules S2, R1, R2, N2, S7).
	{StaffPlanOrders{}, [numLangs]string{
		"原单 {original}，新单 {reorder}",
		"原單 {original}，新單 {reorder}",
		"Original {original}, new order {reorder}",
		"Original {original}, pedido nuevo {reorder}",
	}},
	{StaffPlanOriginal{}, [numLangs]string{
		"原单 {original}",
		"原單 {original}",
		"Original {original}",
		"Pedido original {original}",
	}},
	{StaffStepsDone{}, [numLangs]string{
		"已完成：{steps}",
		"已完成：{steps}",
		"Done: {steps}",
		"Hecho: {steps}",
	}},
	{StaffStepsPending{}, [numLangs]string{
		"待处理：{steps}",
		"待處理：{steps}",
		"To do: {steps}",
		"Pendiente: {steps}",
	}},
	{StaffBypass{}, [numLangs]string{
		"{event}时尚未完成：{skipped}（{at}）",
		"{event}時尚未完成：{skipped}（{at}）",
		"{event} before: {skipped} ({at})",
		"{event} antes de: {skipped} ({at})",
	}},
	{StaffWho{}, [numLangs]string{
		"负责：{who}",
		"負責：{who}",
		"Up to: {who}",
		"A cargo de: {who}",
	}},
	{StaffStepReady{}, [numLangs]string{
		"现在可以处理",
		"現在可以處理",
		"Can be done now",
		"Se puede hacer ya",
	}},
	{StaffStepWaiting{}, [numLangs]string{
		"等前面的步骤完成",
		"等前面的步驟完成",
		"Waits for the steps before it",
		"Espera a los pasos anteriores",
	}},
	{StaffAckBy{}, [numLangs]string{
		"需在 {due} 前确认",
		"需在 {due} 前確認",
		"To acknowledge by {due}",
		"Confirmar antes del {due}",
	}},
	{ReorderPlaced{}, [numLangs]string{
		"亲，新订单已经收到啦，原订单的款项会为您原路退回，请留意退款到账哦",
		"親，新訂單已經收到囉，原訂單的款項會為您原路退回，請留意退款到帳喔",
		"We've got your new order! The original order will be refunded to the way you paid; keep an eye out for it.",
		"¡Recibimos tu nuevo pedido! El pedido original se te reembolsa por el mismo medio de pago; estate atento.",
	}},
	{OriginalRefunded{}, [numLangs]string{
		"亲，原订单已经为您退款了，请留意退款到账哦",
		"親，原訂單已經為您退款了，請留意退款到帳喔",
		"Your original order has been refunded; keep an eye out for the money.",
		"Ya te reembolsamos el pedido original; estate atento al dinero.",
	}},
	{CheckingShipment{}, [numLangs]string{
		"亲，我们正在和仓库核实您两笔订单的发货情况，核实清楚后会第一时间为您处理退款并告诉您",
		"親，我們正在和倉庫核實您兩筆訂單的出貨情況，核實清楚後會第一時間為您處理退款並通知您",
		"We're checking with the warehouse what was shipped on your two orders. As soon as it's clear we'll sort out the refund and let you know.",
		"Estamos comprobando con el almacén qué se envió de tus dos pedidos. En cuanto esté claro, te gestionamos el reembolso y te avisamos.",
	}},

	// Refund approvals (rule A3).
	{StaffRefundAmount{}, [numLangs]string{
		"退款 {amount}",
		"退款 {amount}",
		"Refund of {amount}",
		"Reembolso de {amount}",
	}},
	{StaffReplayed{}, [numLangs]string{
		"该退款编号已退过，不会重复退款",
		"該退款編號已退過，不會重複退款",
		"Already paid under this key: nothing new is paid",
		"Ya pagado con esta clave: no se paga de nuevo",
	}},
	{RefundOnItsWay{}, [numLangs]string{
		"亲，{amount:number} 元的退款我们马上为您处理，请留意退款到账哦",
		"親，{amount:number} 元的退款我們馬上為您處理，請留意退款到帳喔",
		"We're refunding you {amount} right away; keep an eye out for it.",
		"Te reembolsamos {amount} enseguida; estate atento.",
	}},
	{OrderRefunded{}, [numLangs]string{
		"亲，订单 {order} 的 {amount:number} 元已经为您退款了，请留意退款到账哦",
		"親，訂單 {order} 的 {amount:number} 元已經為您退款了，請留意退款到帳喔",
		"We've refunded {amount} on your order {order}; keep an eye out for the money.",
		"Ya te reembolsamos {amount} del pedido {order}; estate atento al dinero.",
	}},
	{StatusAwaitingDispatchCOD{}, [numLangs]string{
		"货到付款，等待卖家发货",
		"貨到付款，等待賣家發貨",
		"Cash on delivery, awaiting dispatch",
		"Contra reembolso, pendiente de envío",
	}},
	{StatusHeldCOD{}, [numLangs]string{
		"货到付款，暂停发货",
		"貨到付款，暫停發貨",
		"Cash on delivery, held from dispatch",
		"Contra reembolso, envío retenido",
	}},
}
