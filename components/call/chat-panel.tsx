'use client';
import { useEffect, useId, useRef, useState } from 'react';
import { clockTime } from '@/lib/client/clock-time';
import { CHAT_MESSAGE_MAX, parseChatDraft } from '@/lib/client/display-name';
import type { ChatMessage } from '@/lib/client/presence/presence-session';

type Props = {
  messages: ChatMessage[];
  nameOf: (uid: string) => string;
  /** Why chat cannot be used right now, or null. */
  unavailable: string | null;
  onSend: (text: string) => Promise<void>;
};

/** The call's chat: messages as plain text with sender and time; a composer that counts characters. */
export function ChatPanel({ messages, nameOf, unavailable, onSend }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const end = useRef<HTMLLIElement>(null);
  const counterId = useId();
  const parsed = parseChatDraft(draft);
  const over = parsed.length > CHAT_MESSAGE_MAX;

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length]);

  const send = async () => {
    if (!parsed.ok || sending) return;
    setSending(true);
    setError(null);
    try {
      await onSend(parsed.value);
      setDraft('');
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="flex h-full flex-col gap-3">
      <ol role="log" aria-label="Messages" className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto">
        {messages.length === 0 && (
          <li className="text-sm text-slate-400">
            No messages yet. Messages are seen by everyone in the call and are not kept after it.
          </li>
        )}
        {messages.map((message) => (
          <li
            key={`${message.from}-${message.id}`}
            className={`max-w-full min-w-0 ${message.mine ? 'self-end text-right' : ''}`}
          >
            {/* Not a paragraph: each message's one paragraph is its text. */}
            <div className="text-xs text-slate-400 wrap-anywhere">
              <span>{message.mine ? 'You' : nameOf(message.from)}</span> ·{' '}
              <time dateTime={new Date(message.at).toISOString()}>{clockTime(message.at)}</time>
            </div>
            <p
              className={
                'mt-0.5 inline-block max-w-full rounded-xl px-3 py-1.5 text-left whitespace-pre-wrap wrap-anywhere ' +
                (message.mine ? 'bg-sky-600/40' : 'bg-slate-800')
              }
            >
              {message.text}
            </p>
          </li>
        ))}
        <li ref={end} aria-hidden="true" />
      </ol>
      {unavailable && (
        <p role="status" className="rounded-lg bg-amber-500/15 px-3 py-2 text-sm text-amber-200">
          {unavailable}
        </p>
      )}
      <form
        className="flex flex-col gap-1.5"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <label htmlFor="chat-draft" className="sr-only">
          Message
        </label>
        <div className="flex items-end gap-2">
          <textarea
            id="chat-draft"
            data-autofocus
            value={draft}
            rows={2}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                void send();
              }
            }}
            aria-invalid={over}
            aria-describedby={counterId}
            placeholder="Message everyone"
            className={
              'min-h-10 flex-1 resize-none rounded-lg border bg-slate-950 px-3 py-2 text-sm ' +
              'outline-none focus:ring-2 ' +
              (over ? 'border-rose-500 focus:ring-rose-400' : 'border-slate-700 focus:ring-sky-400')
            }
          />
          <button
            type="submit"
            disabled={!parsed.ok || sending || unavailable !== null}
            className={
              'rounded-lg bg-sky-500 px-3 py-2 text-sm font-semibold text-slate-950 ' +
              'hover:bg-sky-400 disabled:cursor-not-allowed disabled:bg-slate-700 disabled:text-slate-400'
            }
          >
            Send
          </button>
        </div>
        <p id={counterId} className="flex justify-between gap-3 text-xs" aria-live="polite">
          <span className="text-rose-300" role={error ? 'alert' : undefined}>
            {error ?? (over && !parsed.ok ? parsed.error : '')}
          </span>
          <span className={over ? 'text-rose-300' : 'text-slate-500'}>
            {parsed.length}/{CHAT_MESSAGE_MAX}
          </span>
        </p>
      </form>
    </div>
  );
}
