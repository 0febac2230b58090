import { telegramDeliveryRequested, telegramEventIds } from "../../events";

/** One `telegram/delivery.requested` per recorded delivery; the event id is the delivery's, so a repeat sends once. */
export function deliveryRequestedEvents(deliveryIds: string[]) {
  return deliveryIds.map((deliveryId) => telegramDeliveryRequested.create({ deliveryId }, { id: telegramEventIds.delivery(deliveryId) }));
}
