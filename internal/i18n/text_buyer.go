package i18n

// buyerDefs are the replies to buyers: in Chinese the 亲，… register of a
// Taobao shop's chat (親，… in traditional Chinese, with 喔 for 哦), in
// English plain sentences, in Spanish warm and with tú, never usted.
// Amounts in Chinese are written "0.01 元" ({x:number}), as shops write
// them in chat; in English and Spanish with the currency symbol.
var buyerDefs = []def{
	// Free shipping and postage (rules S1, S2).
	{BelowThreshold{}, [numLangs]string{
		"亲，您的订单商品实付还差 {shortfall:number} 元就可以包邮啦，可以再看看店里其他宝贝哦～",
		"親，您的訂單商品實付還差 {shortfall:number} 元就可以包郵囉，可以再看看店裡其他寶貝喔～",
		"Your order is {shortfall} short of free shipping. Have a look around the shop if you'd like to add something!",
		"¡A tu pedido le faltan {shortfall} para tener envío gratis! ¿Echas un vistazo a la tienda por si quieres añadir algo?",
	}},
	{BelowQuantity{}, [numLangs]string{
		"亲，您再拍 {missing} 件就可以包邮啦～",
		"親，您再拍 {missing} 件就可以包郵囉～",
		"Add {missing, plural, one {one more item} other {{missing} more items}} and your order ships free!",
		"¡Añade {missing, plural, one {un artículo más} other {{missing} artículos más}} y tu pedido tendrá envío gratis!",
	}},
	{ExcludedRegion{}, [numLangs]string{
		"亲，非常抱歉，您的收货地区不在包邮范围内，需要另付运费哦",
		"親，非常抱歉，您的收件地區不在包郵範圍內，需要另付運費喔",
		"Sorry, free shipping doesn't cover your region, so postage applies to this order.",
		"¡Lo sentimos! El envío gratis no llega a tu región, así que este pedido lleva gastos de envío.",
	}},
	{ExcludedItem{}, [numLangs]string{
		"亲，您拍的宝贝里有不参加包邮的商品，所以这单需要付运费哦",
		"親，您拍的寶貝裡有不參加包郵的商品，所以這筆訂單需要付運費喔",
		"Sorry, one of the items in your order isn't part of free shipping, so postage applies.",
		"¡Lo sentimos! Uno de los artículos de tu pedido no tiene envío gratis, así que se cobran gastos de envío.",
	}},
	{FreeShippingOff{}, [numLangs]string{
		"亲，本店这段时间没有包邮活动，运费按实际计算哦",
		"親，本店這段時間沒有包郵活動，運費按實際計算喔",
		"Sorry, we don't offer free shipping at the moment; postage is charged at cost.",
		"Por ahora no tenemos envío gratis; los gastos de envío se cobran según lo que cuestan.",
	}},
	{RegionMissing{}, [numLangs]string{
		"亲，您的收货地址还没有填写省份，麻烦补充一下，我们才能确认运费哦",
		"親，您的收件地址還沒有填寫省份，麻煩補充一下，我們才能確認運費喔",
		"Could you add the province to your delivery address? We need it to work out the postage.",
		"¿Puedes añadir la provincia a tu dirección de entrega? La necesitamos para calcular el envío.",
	}},
	{PostageFixed{}, [numLangs]string{
		"亲，您的订单符合包邮条件，多收的 {overcharge:number} 元运费已经帮您改掉了，现在付款就可以啦",
		"親，您的訂單符合包郵條件，多收的 {overcharge:number} 元運費已經幫您改掉了，現在付款就可以囉",
		"Good news: your order ships free. We've taken the {overcharge} postage off, so you can pay now.",
		"¡Buenas noticias! Tu pedido tiene envío gratis: ya quitamos los {overcharge} de envío, así que puedes pagar ahora.",
	}},
	{PostageRefunded{}, [numLangs]string{
		"亲，您的订单符合包邮条件，多付的 {overcharge:number} 元运费我们会退给您，请留意退款到账哦",
		"親，您的訂單符合包郵條件，多付的 {overcharge:number} 元運費我們會退給您，請留意退款入帳喔",
		"Your order qualified for free shipping, so we'll refund the {overcharge} postage you paid.",
		"Tu pedido tenía envío gratis, así que te devolvemos los {overcharge} de envío que pagaste.",
	}},
	{PostageRefundAndReorder{}, [numLangs]string{
		"亲，麻烦您先申请退款，再重新拍下，新订单就是包邮的啦；原订单我们会拦下不发，请放心",
		"親，麻煩您先申請退款，再重新下單，新訂單就是包郵的囉；原訂單我們會攔下不寄出，請放心",
		"Could you request a refund and place the order again? The new order ships free, and we'll hold the original back so it isn't sent.",
		"¿Puedes pedir el reembolso y volver a hacer el pedido? El nuevo tendrá envío gratis y retendremos el original para que no salga.",
	}},

	// Dispatch: never an exact date, the latest day at most (rule S6).
	{ShipsToday{}, [numLangs]string{
		"亲，您的订单今天会安排发出哦",
		"親，您的訂單今天會安排發出喔",
		"Your order will be dispatched today.",
		"¡Tu pedido sale hoy!",
	}},
	{ShipsTomorrow{}, [numLangs]string{
		"亲，您的订单最晚明天（{latest}）发出哦",
		"親，您的訂單最晚明天（{latest}）發出喔",
		"Your order will be dispatched by tomorrow, {latest}, at the latest.",
		"Tu pedido sale mañana, {latest}, como muy tarde.",
	}},
	{ShipsWithinDays{}, [numLangs]string{
		"亲，大促期间订单比较多，您的订单会在 {days} 天内发出，最晚 {latest} 发货，请您耐心等待哦",
		"親，大促期間訂單比較多，您的訂單會在 {days} 天內發出，最晚 {latest} 發貨，請您耐心等候喔",
		"It's a big promotion and orders are piling up: yours will be dispatched within {days, plural, one {{days} day} other {{days} days}}, by {latest} at the latest. Thanks for your patience!",
		"Estamos en plena gran promoción y hay muchísimos pedidos: el tuyo sale en {days, plural, one {{days} día} other {{days} días}}, como muy tarde el {latest}. ¡Gracias por tu paciencia!",
	}},
	{ShipsNextWorkingDay{}, [numLangs]string{
		"亲，今天的发货截止时间已经过了，您的订单最晚 {latest} 发出哦",
		"親，今天的發貨截止時間已經過了，您的訂單最晚 {latest} 發出喔",
		"Today's dispatch cutoff has passed, so your order will be dispatched by {latest} at the latest.",
		"Ya pasó la hora límite de envío de hoy, así que tu pedido sale como muy tarde el {latest}.",
	}},
	{ShipsAfterRestDay{}, [numLangs]string{
		"亲，今天仓库休息，您的订单最晚 {latest} 发出哦",
		"親，今天倉庫休息，您的訂單最晚 {latest} 發出喔",
		"Our warehouse is closed today, so your order will be dispatched by {latest} at the latest.",
		"Hoy el almacén no abre, así que tu pedido sale como muy tarde el {latest}.",
	}},
	{NoDeliveryDate{}, [numLangs]string{
		"亲，快递什么时候送到我们没办法保证到具体哪一天，发货后您可以随时查看物流信息哦",
		"親，快遞什麼時候送達我們沒辦法保證到具體哪一天，發貨後您可以隨時查看物流資訊喔",
		"Sorry, we can't guarantee a delivery day: that's up to the courier. Once your order is dispatched, you can follow the parcel in its tracking.",
		"Lo sentimos, no podemos garantizar un día de entrega: depende de la mensajería. Cuando salga tu pedido, podrás seguir el paquete en el seguimiento.",
	}},

	// Payment (rules S9, S10).
	{PayToShipToday{}, [numLangs]string{
		"亲，您拍下的宝贝还没付款哦，{cutoff} 前付款今天就能发货～",
		"親，您拍下的寶貝還沒付款喔，{cutoff} 前付款今天就能發貨～",
		"Your order is still waiting for payment: pay before {cutoff} and it ships today!",
		"Tu pedido está pendiente de pago: si pagas antes de las {cutoff}, ¡sale hoy mismo!",
	}},
	{PayReminder{}, [numLangs]string{
		"亲，您的订单还没付款哦，付款后我们会尽快为您安排发货～",
		"親，您的訂單還沒付款喔，付款後我們會盡快為您安排發貨～",
		"Your order is still waiting for payment. Once it's paid, we'll get it ready to ship.",
		"Tu pedido está pendiente de pago. En cuanto lo pagues, lo preparamos para el envío.",
	}},
	{ConfirmCOD{}, [numLangs]string{
		"亲，您选择的是货到付款，费用会比在线支付稍高一点，请问确认使用货到付款吗？",
		"親，您選擇的是貨到付款，費用會比線上付款稍高一點，請問確定使用貨到付款嗎？",
		"You chose cash on delivery, which costs a little more than paying online. Would you like to keep cash on delivery?",
		"Elegiste contra reembolso, que cuesta un poco más que pagar en línea. ¿Confirmas que quieres pagar contra reembolso?",
	}},
	{ReorderOnline{}, [numLangs]string{
		"亲，货到付款一直没有收到您的确认，麻烦您改用在线支付重新下单哦",
		"親，貨到付款一直沒有收到您的確認，麻煩您改用線上付款重新下單喔",
		"We haven't had your confirmation for cash on delivery. Could you place the order again and pay online?",
		"No nos llegó tu confirmación del contra reembolso. ¿Puedes hacer el pedido de nuevo y pagar en línea?",
	}},

	// Carriers and addresses (rules S3, S4, S5, P6).
	{SFOnly{}, [numLangs]string{
		"亲，寄往港澳台的包裹只能发顺丰快递哦",
		"親，寄往港澳台的包裹只能寄順豐快遞喔",
		"Parcels to Hong Kong, Macao and Taiwan can only go by SF Express.",
		"Los paquetes a Hong Kong, Macao y Taiwán solo pueden ir por SF Express.",
	}},
	{AskCarrier{}, [numLangs]string{
		"亲，您的地址可以发{carriers}，请问您想用哪家快递呢？没有特别要求的话我们默认发{default}哦",
		"親，您的地址可以發{carriers}，請問您想用哪家快遞呢？沒有特別要求的話我們預設發{default}喔",
		"We can ship to your address with {carriers}. Which would you like? If you have no preference, we'll use {default}.",
		"Podemos enviar a tu dirección con {carriers}. ¿Cuál prefieres? Si te da igual, usaremos {default}.",
	}},
	{CarrierNotServing{}, [numLangs]string{
		"亲，您指定的快递暂时到不了您的地址，我们帮您改发{carrier}可以吗？",
		"親，您指定的快遞暫時到不了您的地址，我們幫您改寄{carrier}可以嗎？",
		"Sorry, the courier you asked for doesn't deliver to your address. Shall we send it with {carrier} instead?",
		"Lo sentimos, la mensajería que pediste no llega a tu dirección. ¿Te lo enviamos con {carrier}?",
	}},
	{OutOfArea{}, [numLangs]string{
		"亲，非常抱歉，您的地址不在我们快递的派送范围内，麻烦换一个收货地址可以吗？",
		"親，非常抱歉，您的地址不在我們快遞的派送範圍內，麻煩換一個收件地址可以嗎？",
		"Sorry, your address is outside the area our couriers deliver to. Could you give us another delivery address?",
		"Lo sentimos, tu dirección está fuera del área de reparto de nuestras mensajerías. ¿Nos das otra dirección de entrega?",
	}},
	{CarrierPriceDifference{}, [numLangs]string{
		"亲，{carrier}的运费比包邮快递高 {difference:number} 元，需要您补一下差价哦",
		"親，{carrier}的運費比包郵快遞高 {difference:number} 元，需要您補一下差價喔",
		"{carrier} costs {difference} more than our free-shipping courier, so there's a difference to pay.",
		"{carrier} cuesta {difference} más que nuestra mensajería con envío gratis, así que hay una diferencia que pagar.",
	}},
	{FreightCollect{}, [numLangs]string{
		"亲，寄往港澳台的包裹发顺丰到付，运费大约 {estimate:number} 元，收件时付给快递员就可以哦",
		"親，寄往港澳台的包裹寄順豐到付，運費大約 {estimate:number} 元，收件時付給快遞員就可以喔",
		"Parcels to Hong Kong, Macao and Taiwan go by SF Express, freight collect: you pay the courier about {estimate} on delivery.",
		"Los paquetes a Hong Kong, Macao y Taiwán van por SF Express a portes debidos: le pagas unos {estimate} a la mensajería al recibirlo.",
	}},
	{TransitWarehouse{}, [numLangs]string{
		"亲，您填写的是快递中转仓的地址，快递无法派送，麻烦提供一个实际的收货地址哦",
		"親，您填寫的是快遞轉運倉的地址，快遞無法派送，麻煩提供一個實際的收件地址喔",
		"The address you gave is a courier's transit warehouse, which couriers don't deliver to. Could you give us the actual delivery address?",
		"La dirección que nos diste es un almacén de tránsito de la mensajería, donde no se reparte. ¿Nos das la dirección real de entrega?",
	}},
	{ConfirmAddress{}, [numLangs]string{
		"亲，您几个订单的收货地址不一样，请问这单寄到哪个地址呢？",
		"親，您幾筆訂單的收件地址不一樣，請問這筆訂單寄到哪個地址呢？",
		"Your orders have different delivery addresses. Which one should this order go to?",
		"Tus pedidos tienen direcciones de entrega distintas. ¿A cuál enviamos este?",
	}},

	// Price differences (rule P6).
	{TopUpGoods{}, [numLangs]string{
		"亲，这边需要补 {difference:number} 元的商品差价，麻烦拍一下补差价链接，确认金额后再付款哦",
		"親，這邊需要補 {difference:number} 元的商品差價，麻煩拍一下補差價連結，確認金額後再付款喔",
		"There's a price difference of {difference} on the goods. You can pay it through our price-difference link; please check the amount before you pay.",
		"Hay una diferencia de {difference} en el precio de los productos. Puedes pagarla con nuestro enlace de diferencia de precio; comprueba el importe antes de pagar.",
	}},
	{TopUpPostage{}, [numLangs]string{
		"亲，这边需要补 {difference:number} 元的运费差价，麻烦拍一下补差价链接，确认金额后再付款哦",
		"親，這邊需要補 {difference:number} 元的運費差價，麻煩拍一下補差價連結，確認金額後再付款喔",
		"There's a postage difference of {difference}. You can pay it through our price-difference link; please check the amount before you pay.",
		"Hay una diferencia de {difference} en los gastos de envío. Puedes pagarla con nuestro enlace de diferencia de precio; comprueba el importe antes de pagar.",
	}},
	{TopUpOther{}, [numLangs]string{
		"亲，这边需要补 {difference:number} 元的差价，麻烦拍一下补差价链接，确认金额后再付款哦",
		"親，這邊需要補 {difference:number} 元的差價，麻煩拍一下補差價連結，確認金額後再付款喔",
		"There's a difference of {difference} to pay. You can pay it through our price-difference link; please check the amount before you pay.",
		"Hay una diferencia de {difference} por pagar. Puedes pagarla con nuestro enlace de diferencia de precio; comprueba el importe antes de pagar.",
	}},
	{ShopRefundsDifference{}, [numLangs]string{
		"亲，差价 {difference:number} 元我们会退给您，到账后麻烦跟我们确认一下哦",
		"親，差價 {difference:number} 元我們會退給您，入帳後麻煩跟我們確認一下喔",
		"We'll pay you back the {difference} difference. Please let us know once you've received it.",
		"Te devolvemos la diferencia de {difference}. Avísanos cuando la recibas, por favor.",
	}},

	// Concessions (rules A3, P1, P2, R8).
	{AskingApprover{}, [numLangs]string{
		"亲，这个我需要请示一下{approver}，请您稍等哦",
		"親，這個我需要請示一下{approver}，請您稍等喔",
		"Let me check this with our {approver}. One moment, please.",
		"Déjame consultarlo con nuestro {approver}. Un momento, por favor.",
	}},
	{PromotionPriceEnded{}, [numLangs]string{
		"亲，活动时间是平台统一设定的，我们也没办法修改，活动结束后就恢复原价了，请您理解哦",
		"親，活動時間是平台統一設定的，我們也沒辦法修改，活動結束後就恢復原價了，請您見諒喔",
		"The promotion's dates are set by the platform and we can't change them: once it ends, the regular price applies again. Thanks for understanding!",
		"Las fechas de la promoción las fija la plataforma y no podemos cambiarlas: al terminar, vuelve el precio normal. ¡Gracias por entenderlo!",
	}},
	{GiftInstead{}, [numLangs]string{
		"亲，价格是公司统一定的，我们没办法再优惠了，给您送一份小赠品好吗？",
		"親，價格是公司統一訂的，我們沒辦法再優惠了，送您一份小贈品好嗎？",
		"Our prices are set by the company and we can't lower them, but we'd be happy to add a small gift. Would that be OK?",
		"Los precios los fija la empresa y no podemos bajarlos, pero nos encantaría añadirte un pequeño regalo. ¿Te parece bien?",
	}},
	{NoCashBack{}, [numLangs]string{
		"亲，非常抱歉，本店没有好评返现哦",
		"親，非常抱歉，本店沒有好評返現喔",
		"Sorry, we don't give cash back for reviews.",
		"Lo sentimos, no damos dinero a cambio de reseñas.",
	}},

	// A buyer chasing a parcel is answered at once, whatever the answer
	// (rule S8).
	{ParcelNotPaid{}, [numLangs]string{
		"亲，您的订单还没有付款，付款后我们才能安排发货哦",
		"親，您的訂單還沒有付款，付款後我們才能安排發貨喔",
		"Your order hasn't been paid yet; we can ship it once it is.",
		"Tu pedido aún no está pagado: lo enviamos en cuanto lo pagues.",
	}},
	{ParcelNotDispatched{}, [numLangs]string{
		"亲，您的订单正在排队发货，最晚 {latest} 发出，请您放心哦",
		"親，您的訂單正在排隊發貨，最晚 {latest} 發出，請您放心喔",
		"Your order is in the queue and will be dispatched by {latest} at the latest.",
		"Tu pedido está en cola y sale como muy tarde el {latest}.",
	}},
	{ParcelLateDispatch{}, [numLangs]string{
		"亲，非常抱歉让您久等了！您的订单还没发出，我们已经在催仓库尽快发货，发出后马上告诉您",
		"親，非常抱歉讓您久等了！您的訂單還沒寄出，我們已經在催倉庫盡快發貨，寄出後馬上通知您",
		"We're so sorry for the wait! Your order hasn't gone out yet. We're chasing the warehouse to dispatch it as soon as possible and will tell you as soon as it's on its way.",
		"¡Perdona la espera! Tu pedido aún no ha salido. Le estamos pidiendo al almacén que lo envíe cuanto antes y te avisamos en cuanto salga.",
	}},
	{ParcelNoTracking{}, [numLangs]string{
		"亲，包裹已经发出了，物流信息可能还没更新，一般需要一点时间，请您稍后再查看哦",
		"親，包裹已經寄出了，物流資訊可能還沒更新，一般需要一點時間，請您稍後再查看喔",
		"Your parcel has been dispatched, but the tracking may not show it yet; that usually takes a little while. Please check again a bit later.",
		"Tu paquete ya salió, pero puede que el seguimiento aún no lo muestre; suele tardar un poco. Vuelve a mirarlo más tarde.",
	}},
	{ParcelOnTheWay{}, [numLangs]string{
		"亲，您的包裹正在路上，请您耐心等待哦",
		"親，您的包裹正在路上，請您耐心等候喔",
		"Your parcel is on its way. Thanks for your patience!",
		"Tu paquete está en camino. ¡Gracias por tu paciencia!",
	}},
	{ParcelStalledAtOrigin{}, [numLangs]string{
		"亲，您的包裹还在发货地没有发出，我们已经联系快递核实，有消息马上告诉您",
		"親，您的包裹還在發貨地沒有寄出，我們已經聯絡快遞核實，有消息馬上通知您",
		"Your parcel hasn't left the dispatch city yet. We've asked the courier why and will let you know as soon as we hear back.",
		"Tu paquete aún no ha salido de la ciudad de origen. Ya se lo consultamos a la mensajería y te avisamos en cuanto sepamos algo.",
	}},
	{ParcelStalledAtDestination{}, [numLangs]string{
		"亲，您的包裹已经到了您所在的城市，还没有派送，我们已经联系快递尽快派送",
		"親，您的包裹已經到了您所在的城市，還沒有派送，我們已經聯絡快遞盡快派送",
		"Your parcel has reached your city but hasn't been delivered yet. We've asked the courier to deliver it as soon as possible.",
		"Tu paquete ya llegó a tu ciudad, pero aún no se ha entregado. Le pedimos a la mensajería que lo entregue cuanto antes.",
	}},
	{ParcelLost{}, [numLangs]string{
		"亲，非常抱歉，您的包裹在运输途中丢失了，我们马上为您补发一份，给您添麻烦了",
		"親，非常抱歉，您的包裹在運送途中遺失了，我們馬上為您補寄一份，給您添麻煩了",
		"We're very sorry: your parcel was lost in transit. We're sending you a replacement right away. Sorry for the trouble!",
		"Lo sentimos mucho: tu paquete se perdió por el camino. Te enviamos otro ahora mismo. ¡Perdona las molestias!",
	}},
	{ParcelDamaged{}, [numLangs]string{
		"亲，非常抱歉，您的包裹在运输中破损了，我们马上为您补发一份，给您添麻烦了",
		"親，非常抱歉，您的包裹在運送途中破損了，我們馬上為您補寄一份，給您添麻煩了",
		"We're very sorry: your parcel was damaged in transit. We're sending you a replacement right away. Sorry for the trouble!",
		"Lo sentimos mucho: tu paquete se dañó por el camino. Te enviamos otro ahora mismo. ¡Perdona las molestias!",
	}},
	{ParcelDelivered{}, [numLangs]string{
		"亲，物流显示包裹已经签收了，如果您还没收到，请告诉我们，我们马上帮您核实",
		"親，物流顯示包裹已經簽收了，如果您還沒收到，請告訴我們，我們馬上幫您核實",
		"The tracking shows your parcel as delivered. If you haven't got it, tell us and we'll look into it right away.",
		"El seguimiento indica que tu paquete se entregó. Si no lo tienes, dínoslo y lo revisamos enseguida.",
	}},
	{ParcelTradeClosed{}, [numLangs]string{
		"亲，这个订单已经关闭了，如果还需要的话可以重新下单哦",
		"親，這筆訂單已經關閉了，如果還需要的話可以重新下單喔",
		"This order has been closed. If you still want the items, you're welcome to order again.",
		"Este pedido está cerrado. Si aún quieres los artículos, puedes hacer un pedido nuevo.",
	}},

	// Returns and exchanges (rules R3, R4, R5, S3).
	{ReturnWhichOrder{}, [numLangs]string{
		"亲，麻烦告诉我们是哪个订单、什么时候买的，我们帮您看一下能不能退换哦",
		"親，麻煩告訴我們是哪筆訂單、什麼時候買的，我們幫您看一下能不能退換喔",
		"Could you tell us which order it is and when you bought it? Then we'll check whether it can be returned or exchanged.",
		"¿Nos dices qué pedido es y cuándo lo compraste? Así vemos si se puede devolver o cambiar.",
	}},
	{ReturnNotResellable{}, [numLangs]string{
		"亲，非常抱歉，商品已经洗过、穿过或有损坏，影响二次销售，不支持七天无理由退换哦",
		"親，非常抱歉，商品已經洗過、穿過或有損壞，影響二次銷售，不適用七天無理由退換喔",
		"Sorry, items that have been washed, worn or damaged can't be sold again, so they aren't covered by the seven-day no-reason return.",
		"Lo sentimos, los artículos lavados, usados o dañados no se pueden volver a vender, así que no entran en la devolución sin motivo de siete días.",
	}},
	{ReturnWindowPassed{}, [numLangs]string{
		"亲，非常抱歉，七天无理由退换已经在 {deadline} 到期了哦",
		"親，非常抱歉，七天無理由退換已經在 {deadline} 到期了喔",
		"Sorry, the seven-day no-reason return ended on {deadline}.",
		"Lo sentimos, el plazo de devolución sin motivo de siete días terminó el {deadline}.",
	}},
	{ReturnExcludedByLaw{}, [numLangs]string{
		"亲，根据消费者权益保护法，定制商品、鲜活易腐商品、已拆封的数字商品和报纸期刊不适用七天无理由退货哦",
		"親，根據消費者權益保護法，訂製商品、生鮮易腐商品、已拆封的數位商品和報紙期刊不適用七天無理由退貨喔",
		"Under the Consumer Protection Law, made-to-order goods, fresh and perishable goods, unsealed digital goods, and newspapers and magazines aren't covered by the seven-day no-reason return.",
		"Según la Ley de Protección del Consumidor, los productos hechos a medida, los frescos y perecederos, los digitales ya abiertos y los periódicos y revistas no entran en la devolución sin motivo de siete días.",
	}},
	{ReturnConfirmedAtPurchase{}, [numLangs]string{
		"亲，这件商品在购买时您已确认不支持七天无理由退货，非常抱歉哦",
		"親，這件商品在購買時您已確認不適用七天無理由退貨，非常抱歉喔",
		"When you bought this item, you confirmed it isn't covered by the seven-day no-reason return. We're sorry!",
		"Al comprar este artículo confirmaste que no tiene devolución sin motivo de siete días. ¡Lo sentimos!",
	}},
	{ReturnPostageDeducted{}, [numLangs]string{
		"亲，港澳台订单退货的运费会从退款中扣除，我们收到退货后再为您退款哦",
		"親，港澳台訂單退貨的運費會從退款中扣除，我們收到退貨後再為您退款喔",
		"For orders to Hong Kong, Macao and Taiwan, the postage is deducted from the refund, which we make once your return reaches us.",
		"En los pedidos a Hong Kong, Macao y Taiwán, el envío se descuenta del reembolso, que hacemos en cuanto nos llega tu devolución.",
	}},
	{ExchangeReturnFirst{}, [numLangs]string{
		"亲，换货需要我们先收到您寄回的商品，再给您发新的，麻烦把退货的快递单号发给我们哦",
		"親，換貨需要我們先收到您寄回的商品，再寄新的給您，麻煩把退貨的物流單號傳給我們喔",
		"For an exchange, we send the new item once your return reaches us. Please send us your return's tracking number.",
		"Para un cambio, enviamos el artículo nuevo en cuanto nos llega tu devolución. Mándanos el número de seguimiento de la devolución, por favor.",
	}},

	// Stock and privacy (rules O3, O7).
	{OutOfStockOffer{}, [numLangs]string{
		"亲，非常抱歉，您拍的宝贝库存不足，我们可以为您退款，或者换成其他款式，您看可以吗？",
		"親，非常抱歉，您拍的寶貝庫存不足，我們可以為您退款，或者換成其他款式，您看可以嗎？",
		"We're very sorry, the item you ordered is out of stock. We can refund you or switch it to another item; which would you prefer?",
		"Lo sentimos mucho, el artículo que pediste se agotó. Podemos reembolsarte o cambiarlo por otro; ¿qué prefieres?",
	}},
	{PrivacyOwnerOnly{}, [numLangs]string{
		"亲，为了保护买家隐私，订单信息只能告诉下单的买家本人哦",
		"親，為了保護買家隱私，訂單資訊只能告訴下單的買家本人喔",
		"To protect our buyers' privacy, we can only share an order's details with the buyer who placed it.",
		"Para proteger la privacidad de nuestros compradores, solo compartimos los datos de un pedido con quien lo hizo.",
	}},
}

// staffDefs are lines for staff with values filled in, for consoles and
// the after-sales digest.
var staffDefs = []def{
	{StaffShortfall{}, [numLangs]string{
		"商品实付还差 {shortfall} 包邮",
		"商品實付還差 {shortfall} 包郵",
		"{shortfall} short of free shipping",
		"Faltan {shortfall} para el envío gratis",
	}},
	{StaffNeedsApproval{}, [numLangs]string{
		"需{approver}批准",
		"需{approver}核准",
		"Needs the {approver}'s approval",
		"Requiere la aprobación del {approver}",
	}},
	{StaffLatestDispatch{}, [numLangs]string{
		"最晚发货：{latest}",
		"最晚發貨：{latest}",
		"Dispatch by {latest}",
		"Envío como muy tarde: {latest}",
	}},
	{StaffWithinDays{}, [numLangs]string{
		"{days} 天内发货",
		"{days} 天內發貨",
		"Ships within {days, plural, one {{days} day} other {{days} days}}",
		"Sale en {days, plural, one {{days} día} other {{days} días}}",
	}},
	{StaffPayBefore{}, [numLangs]string{
		"{cutoff} 前付款当天发货",
		"{cutoff} 前付款當天發貨",
		"Paid before {cutoff}, it ships the same day",
		"Pagado antes de las {cutoff}, sale el mismo día",
	}},
	{StaffOvercharge{}, [numLangs]string{
		"多收运费 {overcharge}",
		"多收運費 {overcharge}",
		"Postage overcharged by {overcharge}",
		"{overcharge} de envío cobrados de más",
	}},
	{StaffEraseCount{}, [numLangs]string{
		"今日已抹零 {used} 次（上限 {limit} 次）",
		"今日已抹零 {used} 次（上限 {limit} 次）",
		"Change erased {used, plural, one {once} other {{used} times}} today (limit {limit})",
		"Céntimos quitados hoy: {used, plural, one {{used} vez} other {{used} veces}} (límite {limit})",
	}},
	{StaffProblemOrders{}, [numLangs]string{
		"{count} 个问题订单",
		"{count} 筆問題訂單",
		"{count, plural, one {{count} problem order} other {{count} problem orders}}",
		"{count, plural, one {{count} pedido con problemas} other {{count} pedidos con problemas}}",
	}},

	// The reasons of the notes the silent-order checklist prepares (rule
	// O4), in the text a canonical note keeps: ASCII commas and colons.
	{NoteSendGift{}, [numLangs]string{
		"静默下单,买家不在线,随单送赠品",
		"靜默下單,買家離線,隨單送贈品",
		"silent order, buyer offline: send the gift with the parcel",
		"pedido silencioso, comprador desconectado: enviar el regalo con el paquete",
	}},
	{NoteRefundPostage{}, [numLangs]string{
		"静默下单符合包邮条件,多收运费,退差价",
		"靜默下單符合包郵條件,多收運費,退差價",
		"silent order qualified for free shipping, postage overcharged: refund the difference",
		"pedido silencioso con envío gratis, envío cobrado de más: reembolsar la diferencia",
	}},
	{PostageFixedCOD{}, [numLangs]string{
		"亲，您的订单符合包邮条件，多收的 {overcharge:number} 元运费已经帮您改掉了，收货时按改好的金额付款就可以啦",
		"親，您的訂單符合包郵條件，多收的 {overcharge:number} 元運費已經幫您改掉了，收貨時按改好的金額付款就可以囉",
		"Good news: your order ships free. We've taken the {overcharge} postage off; you pay the corrected amount on delivery.",
		"¡Buenas noticias! Tu pedido tiene envío gratis: ya quitamos los {overcharge} de envío; pagas el importe corregido al recibirlo.",
	}},
}
