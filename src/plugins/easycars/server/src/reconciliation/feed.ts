/** The feed side of a reconciliation: each EasyCars item as the stock sync would write it. */
import { stockImageUrls, type StockItem } from '../client/models/stock';
import type { HostConfig } from '../host/config';
import { comparedTargets, fieldMapSignature } from '../stock/field-map';
import { fitToSchema } from '../stock/fit-to-schema';
import { stockItemHash } from '../stock/hash';
import { mapStockItem, toVehicleData, vehicleTitle } from '../stock/map-stock-item';
import type { FeedVehicle } from './compare-stock';


export function toFeedVehicles(items: StockItem[], host: HostConfig, attributes: Record<string, any>, dealership: string): FeedVehicle[] {
  const signature = fieldMapSignature(host.vehicle);
  const owned = new Set(comparedTargets(host.vehicle).map((t) => t.attribute));
  const seen = new Set<string>();
  const out: FeedVehicle[] = [];
  for (const item of items) {
    if (seen.has(item.StockNumber)) continue; // the sync uses the first of a duplicated stock number, so does this
    seen.add(item.StockNumber);
    const mapped = mapStockItem(item);
    const data = fitToSchema(item.StockNumber, toVehicleData(mapped.vehicle, host.vehicle, dealership), attributes, []);
    out.push({
      stockNumber: item.StockNumber,
      yardCode: item.YardCode ?? null,
      title: vehicleTitle(item),
      hash: stockItemHash(item, signature),
      data: Object.fromEntries(Object.entries(data).filter(([attr]) => owned.has(attr))),
      imageUrls: stockImageUrls(item),
    });
  }
  return out;
}
