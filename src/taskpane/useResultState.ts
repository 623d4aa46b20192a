/** The result store as React state. */
import { useEffect, useState } from "react";
import type { ResultState, ResultStore } from "../app/resultStore";

export function useResultState(store: ResultStore): ResultState {
  const [state, setState] = useState<ResultState>(() => store.get());
  useEffect(() => {
    setState(store.get());
    const unsubscribe = store.subscribe(setState);
    return () => {
      unsubscribe();
    };
  }, [store]);
  return state;
}
