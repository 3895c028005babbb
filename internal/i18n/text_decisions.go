package i18n

// decisionDefs are the texts of the messages that render decisions:
// replies to buyers in the 亲，… register (親，… in traditional Chinese), and
// the headlines and parts of staff lines, terse as a console writes them.
var decisionDefs = []def{

	// Buyer: free shipping (rule S1).
	{ShipsFree{}, [numLangs]string{
		"亲，您的订单已经满足包邮条件，我们会包邮发出哦～",
		"親，您的訂單已經符合包郵條件，我們會包郵寄出喔～",
		"Good news: your order ships free!",
		"¡Buenas noticias! Tu pedido tiene envío gratis.",
	}},

	// Buyer: dispatch promises (rules S6, S8).
	{ShipsWithin{}, [numLangs]string{
		"亲，您的订单会在 {days} 天内发出，最晚 {latest} 发货哦",
		"親，您的訂單會在 {days} 天內發出，最晚 {latest} 發貨喔",
		"Your order will be dispatched within {days, plural, one {{days} day} other {{days} days}}, by {latest} at the latest.",
		"Tu pedido sale en {days, plural, one {{days} día} other {{days} días}}, como muy tarde el {latest}.",
	}},
	{NoDeliveryDateShipsBy{}, [numLangs]string{
		"亲，快递哪天送到我们没办法保证哦，您的订单最晚 {latest} 发出，发货后可以随时查看物流信息～",
		"親，快遞哪天送達我們沒辦法保證喔，您的訂單最晚 {latest} 發出，發貨後可以隨時查看物流資訊～",
		"We can't guarantee a delivery day, as that's up to the courier, but your order will be dispatched by {latest} at the latest and you can follow it in the tracking.",
		"No podemos garantizar un día de entrega, porque depende de la mensajería, pero tu pedido sale como muy tarde el {latest} y podrás seguirlo en el seguimiento.",
	}},

	// Buyer: carriers (rule S5).
	{CarrierChosen{}, [numLangs]string{
		"亲，您的订单会发{carrier}哦",
		"親，您的訂單會寄{carrier}喔",
		"Your order will ship with {carrier}.",
		"Tu pedido se enviará con {carrier}.",
	}},

	// Buyer: parcels (rules S8, N3).
	{ParcelHeld{}, [numLangs]string{
		"亲，您的订单我们正在核实处理，暂时还没有发出，处理好后会第一时间为您安排发货并告诉您",
		"親，您的訂單我們正在核實處理，暫時還沒有寄出，處理好後會第一時間為您安排發貨並通知您",
		"We're sorting something out on your order, so it hasn't been dispatched yet. We'll send it as soon as it's settled and let you know.",
		"Estamos resolviendo algo de tu pedido, así que aún no ha salido. Lo enviamos en cuanto esté listo y te avisamos.",
	}},

	// Buyer: concessions (rules A3, P1, P2, P4).
	{NoMoreDiscount{}, [numLangs]string{
		"亲，非常抱歉，这边确实没办法再给您优惠了，请您理解哦",
		"親，非常抱歉，這邊確實沒辦法再給您優惠了，請您見諒喔",
		"Sorry, we really can't take any more off this order. Thanks for understanding!",
		"Lo sentimos, de verdad no podemos hacerte más descuento en este pedido. ¡Gracias por entenderlo!",
	}},
	{PostageInstead{}, [numLangs]string{
		"亲，价格我们没办法再改了，运费这边可以给您优惠 {amount:number} 元，您看可以吗？",
		"親，價格我們沒辦法再改了，運費這邊可以給您優惠 {amount:number} 元，您看可以嗎？",
		"We can't change the price, but we can take {amount} off the postage. Would that be OK?",
		"No podemos cambiar el precio, pero sí descontarte {amount} del envío. ¿Te parece bien?",
	}},
	{PriceCutGranted{}, [numLangs]string{
		"亲，已经帮您把价格改好了，优惠了 {amount:number} 元，现在付款就可以啦",
		"親，已經幫您把價格改好了，優惠了 {amount:number} 元，現在付款就可以囉",
		"Done: we've taken {amount} off the price. You can pay now.",
		"¡Listo! Te rebajamos {amount} del precio. Ya puedes pagar.",
	}},
	{GiftGranted{}, [numLangs]string{
		"亲，给您加送了一份小赠品，会随订单一起发出哦～",
		"親，幫您加送了一份小贈品，會隨訂單一起寄出喔～",
		"We've added a small gift for you; it ships with your order!",
		"¡Te añadimos un pequeño regalo, que irá con tu pedido!",
	}},
	{PostageWaived{}, [numLangs]string{
		"亲，运费已经帮您优惠了 {amount:number} 元，现在付款就可以啦",
		"親，運費已經幫您優惠了 {amount:number} 元，現在付款就可以囉",
		"Done: we've taken {amount} off the postage. You can pay now.",
		"¡Listo! Te descontamos {amount} del envío. Ya puedes pagar.",
	}},
	{ChangeErased{}, [numLangs]string{
		"亲，零头 {amount:number} 元已经帮您抹掉了，现在付款就可以啦",
		"親，零頭 {amount:number} 元已經幫您抹掉了，現在付款就可以囉",
		"Done: we've knocked off the {amount} of small change. You can pay now.",
		"¡Listo! Te quitamos los {amount} sueltos. Ya puedes pagar.",
	}},

	// Buyer: price differences (rule P6).
	{TopUpReceived{}, [numLangs]string{
		"亲，补差价 {difference:number} 元已经收到啦，谢谢您～",
		"親，補差價 {difference:number} 元已經收到囉，謝謝您～",
		"We've received your {difference} top-up. Thank you!",
		"¡Recibimos tu pago de la diferencia de {difference}! Gracias.",
	}},
	{DifferenceRefunded{}, [numLangs]string{
		"亲，差价 {difference:number} 元已经退给您了，请留意查收哦",
		"親，差價 {difference:number} 元已經退給您了，請留意查收喔",
		"We've paid you back the {difference} difference; please check that it has arrived.",
		"Ya te devolvimos la diferencia de {difference}; comprueba que te llegó, por favor.",
	}},

	// Buyer: silent orders (rule O4).
	{GiftReminder{}, [numLangs]string{
		"亲，您这单可以免费领一份赠品哦，记得把赠品一起拍下～",
		"親，您這筆訂單可以免費領一份贈品喔，記得把贈品一起下單～",
		"Your order comes with a free gift: remember to add it to your order!",
		"¡Tu pedido incluye un regalo gratis! No olvides añadirlo al pedido.",
	}},

	// Buyer: returns and exchanges (rules R3, R5, S3).
	{ReturnAccepted{}, [numLangs]string{
		"亲，这件商品支持七天无理由退货，请保证商品完好、吊牌和包装齐全，不影响二次销售哦",
		"親，這件商品適用七天無理由退貨，請保持商品完好、吊牌和包裝齊全，不影響二次銷售喔",
		"This item can go back under the seven-day no-reason return. Please send it back intact, with its tags and packaging.",
		"Este artículo tiene devolución sin motivo de siete días. Devuélvelo intacto, con etiquetas y embalaje.",
	}},
	{ReturnPostageOnUs{}, [numLangs]string{
		"亲，给您添麻烦了，这次的来回运费都由我们承担哦",
		"親，給您添麻煩了，這次的來回運費都由我們負擔喔",
		"Sorry for the trouble: we'll pay the postage both ways.",
		"Perdona las molestias: nosotros pagamos el envío de ida y vuelta.",
	}},
	{ReturnPostageReturnLeg{}, [numLangs]string{
		"亲，这件商品是包邮的，寄回的运费需要您承担哦",
		"親，這件商品是包郵的，寄回的運費需要您負擔喔",
		"This item shipped free, so the return postage is yours to pay.",
		"Este artículo tuvo envío gratis, así que el envío de la devolución corre de tu cuenta.",
	}},
	{ReturnPostageBothLegs{}, [numLangs]string{
		"亲，这件商品不包邮，来回运费需要您承担哦",
		"親，這件商品不包郵，來回運費需要您負擔喔",
		"This item didn't ship free, so the postage both ways is yours to pay.",
		"Este artículo no tenía envío gratis, así que el envío de ida y vuelta corre de tu cuenta.",
	}},
	{ReturnPostageChoices{}, [numLangs]string{
		"亲，这次是拍错了哦，有两种方式：来回运费由您承担，下次购买给您最大优惠；或者您只承担寄回的运费，您看哪种方便？",
		"親，這次是下錯單了喔，有兩種方式：來回運費由您負擔，下次購買給您最大優惠；或者您只負擔寄回的運費，您看哪種方便？",
		"Since the wrong item was ordered, there are two ways to go: you pay the postage both ways and get our best discount next time, or you pay only the return postage. Which suits you?",
		"Como se pidió el artículo equivocado, hay dos opciones: pagas el envío de ida y vuelta y te damos nuestro mejor descuento la próxima vez, o pagas solo el envío de la devolución. ¿Cuál prefieres?",
	}},
	{ReturnBelowFreeShipping{}, [numLangs]string{
		"亲，退货后剩下的商品不满包邮了，退款时会扣除 {amount:number} 元运费哦",
		"親，退貨後剩下的商品不滿包郵了，退款時會扣除 {amount:number} 元運費喔",
		"What you keep no longer reaches free shipping, so {amount} of postage is deducted from the refund.",
		"Lo que te quedas ya no llega al envío gratis, así que descontamos {amount} de envío del reembolso.",
	}},
	{ExchangePostageBuyer{}, [numLangs]string{
		"亲，这次换货寄回和重新发出的运费需要您承担哦",
		"親，這次換貨寄回和重新寄出的運費需要您負擔喔",
		"For this exchange, the postage of the return and of the replacement is yours to pay.",
		"En este cambio, el envío de la devolución y el del reemplazo corren de tu cuenta.",
	}},

	// Staff: free shipping and postage (rules S1, S2).
	{StaffShipsFree{}, [numLangs]string{
		"包邮",
		"包郵",
		"Ships free",
		"Envío gratis",
	}},
	{StaffNotFree{}, [numLangs]string{
		"不包邮",
		"不包郵",
		"Doesn't ship free",
		"Sin envío gratis",
	}},
	{StaffUnitsShort{}, [numLangs]string{
		"还差 {units} 件包邮",
		"還差 {units} 件包郵",
		"{units, plural, one {{units} item} other {{units} items}} short of free shipping",
		"{units, plural, one {Falta {units} artículo} other {Faltan {units} artículos}} para el envío gratis",
	}},
	{StaffUndercharge{}, [numLangs]string{
		"少收运费 {undercharge}",
		"少收運費 {undercharge}",
		"Postage undercharged by {undercharge}",
		"{undercharge} de envío cobrados de menos",
	}},
	{StaffNotOvercharged{}, [numLangs]string{
		"运费没有多收",
		"運費沒有多收",
		"Postage not overcharged",
		"Envío no cobrado de más",
	}},
	{StaffFixSettings{}, [numLangs]string{
		"{department}修正包邮设置",
		"{department}修正包郵設定",
		"{department} fixes the free-shipping settings",
		"{department} corrige la configuración del envío gratis",
	}},

	// Staff: dispatch promises and payment reminders (rules S6, S10).
	{StaffDispatchBy{}, [numLangs]string{
		"最晚 {latest} 发出",
		"最晚 {latest} 發出",
		"Dispatch by {latest}",
		"Envío a más tardar el {latest}",
	}},
	{StaffClaimOK{}, [numLangs]string{
		"可以这样承诺",
		"可以這樣承諾",
		"Promise OK",
		"Promesa aceptable",
	}},
	{StaffClaimRefused{}, [numLangs]string{
		"不能这样承诺",
		"不能這樣承諾",
		"Promise refused",
		"Promesa rechazada",
	}},
	{StaffHonestPromise{}, [numLangs]string{
		"改为承诺「{wording}」（{latest}）",
		"改為承諾「{wording}」（{latest}）",
		"Promise instead: {wording} ({latest})",
		"Prometer en su lugar: {wording} ({latest})",
	}},
	{StaffRemindNow{}, [numLangs]string{
		"现在催付",
		"現在催付",
		"Remind now",
		"Recordar el pago ahora",
	}},
	{StaffNoReminder{}, [numLangs]string{
		"现在不催付",
		"現在不催付",
		"No reminder now",
		"Sin recordatorio ahora",
	}},
	{StaffRemindFrom{}, [numLangs]string{
		"{from} 起催付",
		"{from} 起催付",
		"Reminders from {from}",
		"Recordatorios desde las {from}",
	}},

	// Staff: parcels (rules S7, S8).
	{StaffSince{}, [numLangs]string{
		"自 {since} 起",
		"自 {since} 起",
		"Since {since}",
		"Desde el {since}",
	}},
	{StaffToDo{}, [numLangs]string{
		"处理：{actions}",
		"處理：{actions}",
		"To do: {actions}",
		"Qué hacer: {actions}",
	}},
	{StaffShopAtFault{}, [numLangs]string{
		"店铺责任",
		"店鋪責任",
		"The shop's fault",
		"Culpa de la tienda",
	}},

	// Staff: carriers (rules S3, S5, P6).
	{StaffShipWith{}, [numLangs]string{
		"发{carrier}",
		"寄{carrier}",
		"Ship with {carrier}",
		"Enviar con {carrier}",
	}},
	{StaffNoCarrier{}, [numLangs]string{
		"没有快递可发",
		"沒有快遞可寄",
		"No carrier",
		"Sin mensajería",
	}},
	{StaffCarrierDifference{}, [numLangs]string{
		"需补运费差价 {difference}",
		"需補運費差價 {difference}",
		"{difference} difference to settle",
		"Diferencia de {difference} por pagar",
	}},
	{StaffCollectPossible{}, [numLangs]string{
		"也可以运费到付",
		"也可以運費到付",
		"Freight collect possible instead",
		"También puede ir a portes debidos",
	}},

	// Staff: concessions and price differences (rules A3, A4, P1-P6).
	{StaffConcession{}, [numLangs]string{
		"{kind} {amount}",
		"{kind} {amount}",
		"{kind} of {amount}",
		"{kind} de {amount}",
	}},
	{StaffLimit{}, [numLangs]string{
		"无需审批的上限 {limit}",
		"無需核准的上限 {limit}",
		"Up to {limit} without approval",
		"Hasta {limit} sin aprobación",
	}},
	{StaffBuyerOwes{}, [numLangs]string{
		"买家需补差价 {amount}",
		"買家需補差價 {amount}",
		"Buyer owes {amount}",
		"El comprador debe {amount}",
	}},
	{StaffShopOwes{}, [numLangs]string{
		"店铺需退差价 {amount}",
		"店鋪需退差價 {amount}",
		"Shop owes {amount}",
		"La tienda debe {amount}",
	}},
	{StaffAwaitingConfirmation{}, [numLangs]string{
		"待买家确认",
		"待買家確認",
		"Awaiting the buyer's confirmation",
		"Pendiente de que el comprador confirme",
	}},
	{StaffConfirmed{}, [numLangs]string{
		"买家已确认，待付款",
		"買家已確認，待付款",
		"Confirmed by the buyer, not paid yet",
		"Confirmada por el comprador, sin pagar aún",
	}},
	{StaffSettled{}, [numLangs]string{
		"已结清",
		"已結清",
		"Settled",
		"Saldada",
	}},

	// Staff: the silent-order checklist (rule O4).
	{StaffTasks{}, [numLangs]string{
		"静默订单待办",
		"靜默訂單待辦",
		"Silent order to-do",
		"Pendiente del pedido silencioso",
	}},
	{StaffNothingToDo{}, [numLangs]string{
		"无需处理",
		"無需處理",
		"Nothing to do",
		"Nada que hacer",
	}},

	// Staff: returns, postage, double shipments, complaints, replies (rules R2-R8).
	{StaffFirst{}, [numLangs]string{
		"先{items}",
		"先{items}",
		"First: {items}",
		"Primero: {items}",
	}},
	{StaffSevenDayAllowed{}, [numLangs]string{
		"支持七天无理由退货",
		"適用七天無理由退貨",
		"Seven-day return allowed",
		"Devolución de siete días permitida",
	}},
	{StaffSevenDayRefused{}, [numLangs]string{
		"不支持七天无理由退货",
		"不適用七天無理由退貨",
		"Seven-day return refused",
		"Devolución de siete días rechazada",
	}},
	{StaffReturnWindow{}, [numLangs]string{
		"退货期 {opens} 至 {closes}",
		"退貨期 {opens} 至 {closes}",
		"Window {opens} to {closes}",
		"Plazo del {opens} al {closes}",
	}},
	{StaffReturnPostage{}, [numLangs]string{
		"退货运费",
		"退貨運費",
		"Return postage",
		"Envío de la devolución",
	}},
	{StaffLegs{}, [numLangs]string{
		"发货运费由{outbound}承担，退回运费由{return}承担",
		"發貨運費由{outbound}負擔，寄回運費由{return}負擔",
		"Outbound postage paid by the {outbound}, return by the {return}",
		"Envío de ida a cargo del {outbound}, vuelta a cargo del {return}",
	}},
	{StaffReplacementLeg{}, [numLangs]string{
		"补发运费由{payer}承担",
		"補寄運費由{payer}負擔",
		"Replacement postage paid by the {payer}",
		"Envío del reemplazo a cargo del {payer}",
	}},
	{StaffChoice{}, [numLangs]string{
		"方案 {number}：发货运费由{outbound}承担，退回运费由{return}承担",
		"方案 {number}：發貨運費由{outbound}負擔，寄回運費由{return}負擔",
		"Choice {number}: outbound postage paid by the {outbound}, return by the {return}",
		"Opción {number}: envío de ida a cargo del {outbound}, vuelta a cargo del {return}",
	}},
	{StaffBestDiscount{}, [numLangs]string{
		"下次购买给最大优惠",
		"下次購買給最大優惠",
		"best discount next time",
		"el mejor descuento la próxima vez",
	}},
	{StaffRefundOutbound{}, [numLangs]string{
		"退还发货运费 {amount}",
		"退還發貨運費 {amount}",
		"Refund {amount} of outbound postage",
		"Reembolsar {amount} del envío de ida",
	}},
	{StaffDeduct{}, [numLangs]string{
		"退款扣除运费 {amount}",
		"退款扣除運費 {amount}",
		"Deduct {amount} of postage from the refund",
		"Descontar {amount} de envío del reembolso",
	}},
	{StaffDeductReturnLeg{}, [numLangs]string{
		"退款扣除退回运费",
		"退款扣除寄回運費",
		"Deduct the return postage from the refund",
		"Descontar el envío de vuelta del reembolso",
	}},
	{StaffRefundAfterArrival{}, [numLangs]string{
		"收到退货后再退款",
		"收到退貨後再退款",
		"Refund once the goods are back",
		"Reembolsar al recibir la mercancía",
	}},
	{StaffParcels{}, [numLangs]string{
		"重量显示发出了 {count} 单的货",
		"重量顯示寄出了 {count} 筆的貨",
		"Weights show {count, plural, one {one order's goods} other {{count} orders' goods}} left",
		"Los pesos indican que salió la mercancía de {count, plural, one {un pedido} other {{count} pedidos}}",
	}},
	{StaffRefundOrder{}, [numLangs]string{
		"退款订单 {order}",
		"退款訂單 {order}",
		"Refund order {order}",
		"Reembolsar el pedido {order}",
	}},
	{StaffAskEvidence{}, [numLangs]string{
		"向{department}要证据",
		"向{department}要證據",
		"Ask {department} for the evidence",
		"Pedir las pruebas a {department}",
	}},
	{StaffNotify{}, [numLangs]string{
		"立即通知{roles}（{by} 前）",
		"立即通知{roles}（{by} 前）",
		"Tell at once: {roles} (by {by})",
		"Avisar de inmediato: {roles} (antes del {by})",
	}},
	{StaffReplyOK{}, [numLangs]string{
		"可以发送",
		"可以發送",
		"Reply OK",
		"Respuesta aceptable",
	}},
	{StaffReplyRefused{}, [numLangs]string{
		"不能发送",
		"不能發送",
		"Reply refused",
		"Respuesta rechazada",
	}},
	{StaffMatch{}, [numLangs]string{
		"命中「{phrase}」",
		"命中「{phrase}」",
		"Matched “{phrase}”",
		"Coincide con «{phrase}»",
	}},

	// Buyer: a missed promotion with the concession the shop prefers
	// instead (rules P1, P2).
	{PromotionEndedGiftInstead{}, [numLangs]string{
		"亲，活动时间是平台统一设定的，我们也没办法修改，活动结束后就恢复原价了；这边给您送一份小赠品好吗？",
		"親，活動時間是平台統一設定的，我們也沒辦法修改，活動結束後就恢復原價了；這邊送您一份小贈品好嗎？",
		"The promotion's dates are set by the platform and we can't change them: once it ends, the regular price applies again. But we'd be happy to add a small gift. Would that be OK?",
		"Las fechas de la promoción las fija la plataforma y no podemos cambiarlas: al terminar, vuelve el precio normal. Pero nos encantaría añadirte un pequeño regalo. ¿Te parece bien?",
	}},
	{PromotionEndedPostageInstead{}, [numLangs]string{
		"亲，活动时间是平台统一设定的，我们也没办法修改，活动结束后就恢复原价了；运费这边可以给您优惠 {amount:number} 元，您看可以吗？",
		"親，活動時間是平台統一設定的，我們也沒辦法修改，活動結束後就恢復原價了；運費這邊可以給您優惠 {amount:number} 元，您看可以嗎？",
		"The promotion's dates are set by the platform and we can't change them: once it ends, the regular price applies again. But we can take {amount} off the postage. Would that be OK?",
		"Las fechas de la promoción las fija la plataforma y no podemos cambiarlas: al terminar, vuelve el precio normal. Pero sí podemos descontarte {amount} del envío. ¿Te parece bien?",
	}},
}
