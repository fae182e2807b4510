/** GetAdvertisementStocks' StockList, each item parsed (parseStockItem) as the answer streams in. */
import type { ListReader } from './json-stream';
import type { CoercionWarning } from './models/coerce';
import { parseStockItem, type StockItem } from './models/stock';

export interface StockListStream {
  reader: ListReader;
  /** The items of the last StockList read, and their warnings. */
  items: StockItem[];
  warnings: CoercionWarning[];
}

export function streamStockList(): StockListStream {
  const list: StockListStream = {
    items: [],
    warnings: [],
    reader: {
      key: 'StockList',
      start() {
        // A retry, or a repeated member (JSON.parse keeps the last one), starts over.
        const items: StockItem[] = [];
        const warnings: CoercionWarning[] = [];
        list.items = items;
        list.warnings = warnings;
        return (raw, index) => {
          const item = parseStockItem(raw, warnings, index);
          if (item) items.push(item);
        };
      },
    },
  };
  return list;
}
