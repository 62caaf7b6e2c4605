import { useEffect, useRef } from 'react';
import { useRegisterEvents, useSigma } from '@react-sigma/core';

/** A click on a node or the stage; `keyboard` for Enter on the node the keyboard is on (never makes a pair). */
export type GraphClick = { node: string; keyboard?: boolean } | { stage: true };

/** Turns sigma's clicks into app intents; the pointer cursor tells what is clickable. */
export function EventsController({ onClick }: { onClick: (c: GraphClick) => void }) {
  const sigma = useSigma();
  const registerEvents = useRegisterEvents();
  const onClickRef = useRef(onClick);
  useEffect(() => {
    onClickRef.current = onClick;
  }, [onClick]);
  useEffect(() => {
    const container = sigma.getContainer();
    registerEvents({
      clickNode: ({ node }) => onClickRef.current({ node }),
      clickStage: () => onClickRef.current({ stage: true }),
      enterNode: () => container.classList.add('atlas-pointer'),
      leaveNode: () => container.classList.remove('atlas-pointer'),
    });
  }, [sigma, registerEvents]);
  return null;
}
