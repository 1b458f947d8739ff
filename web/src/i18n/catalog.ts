import { vi, type Messages } from './vi.ts';
import { en } from './en.ts';

export type Lang = 'vi' | 'en';
export type { Messages };

export const catalogs: Record<Lang, Messages> = { vi, en };
