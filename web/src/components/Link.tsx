import type { ComponentChildren, JSX } from 'preact';
import { onLinkClick } from '../router.ts';

type Props = JSX.HTMLAttributes<HTMLAnchorElement> & { href: string; children: ComponentChildren };

export function Link(props: Props) {
  return <a {...props} onClick={onLinkClick} />;
}
