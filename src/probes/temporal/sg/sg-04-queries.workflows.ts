/**
 * SG-04's workflow: a quote that waits for the customer. Its state can be read with a query, and changed with an
 * update whose validator turns away a bad discount before anything is written to the history.
 */
import { condition, defineQuery, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export interface Quote {
  status: 'waiting for the customer' | 'accepted';
  price: number;
  discountPercent: number;
}

export const getQuote = defineQuery<Quote>('getQuote');
export const applyDiscount = defineUpdate<number, [number]>('applyDiscount');
export const accept = defineSignal('accept');

export async function quote(listPrice: number): Promise<Quote> {
  const state: Quote = { status: 'waiting for the customer', price: listPrice, discountPercent: 0 };
  setHandler(getQuote, () => state);
  setHandler(
    applyDiscount,
    (percent) => {
      state.discountPercent = percent;
      state.price = Math.round(listPrice * (100 - percent)) / 100;
      return state.price;
    },
    {
      // Runs before the update is accepted; throwing rejects it and leaves the history untouched.
      validator: (percent) => {
        if (!(percent > 0 && percent <= 50)) throw new Error(`discount must be between 1 and 50 percent, got ${percent}`);
      },
    },
  );
  setHandler(accept, () => {
    state.status = 'accepted';
  });
  await condition(() => state.status === 'accepted');
  return state;
}
