'use client';
import type { ReactNode } from 'react';
import { chooseLayout, type LayoutMode } from '@/lib/client/layout';
import type { Person, Screen } from '@/lib/client/people';
import { useActiveSpeaker } from '@/lib/client/call/use-call';
import type { LocalMedia } from '@/lib/client/use-local-media';
import { CallStage } from './call-stage';
import { EmptyStageCard, InviteCard } from './invite-card';
import { LocalVideo } from '../media/local-video';
import { MicLevel } from '../media/mic-level';
import { Avatar, RemoteTile, ScreenTile, TileFrame } from './remote-tile';
import { ScreenIcon } from '../ui/icons';

type Props = {
  people: Person[];
  screens: Screen[];
  media: LocalMedia;
  /** True while this person shares their screen: their stage shows that, not the screen itself. */
  presenting: boolean;
  mode: LayoutMode;
  pinned: string | null;
  onPin: (key: string | null) => void;
  /** The invite card's link (and the host link, for a host); `connecting` until the join has succeeded. */
  invite: { link: string; hostLink?: string | null; onCopy: () => void; connecting: boolean };
  /** You are in a stage room's audience: no tile of your own; the stage may be empty. */
  audience?: boolean;
  /** A host's menu for a person, shown on their tile too. */
  personActions?: (person: Person) => ReactNode;
};

const SELF = 'self';
const MY_SCREEN = 'my-screen';

/** Every tile of the call — you, the others, shared screens — in the layout that fits the moment. */
export function CallTiles({
  people,
  screens,
  media,
  presenting,
  mode,
  pinned,
  onPin,
  invite,
  audience,
  personActions,
}: Props) {
  const [me, ...everyoneElse] = people;
  const others = everyoneElse.filter((person) => !person.offStage);
  const alone = others.length === 0 && screens.length === 0 && !presenting;
  const screenKeys = [...(presenting ? [MY_SCREEN] : []), ...screens.map((screen) => `screen-${screen.uid}`)];
  const keys = [
    ...(audience ? [] : [SELF]),
    ...screenKeys,
    ...others.map((person) => person.uid),
    ...(alone ? [audience ? 'empty-stage' : 'invite'] : []),
  ];
  const layout = chooseLayout({
    mode,
    tiles: keys,
    screens: screenKeys,
    pinned,
    activeSpeaker: useActiveSpeaker(mode === 'speaker'),
    self: SELF,
  });
  const pinState = (key: string) => ({ pinned: pinned === key, onPin: () => onPin(pinned === key ? null : key) });

  const tiles: Record<string, () => ReactNode> = {
    [SELF]: () => (
      <TileFrame
        label={`${me!.name} (you)`}
        hand={me!.hand}
        micOff={!media.micOn || !media.audioTrack}
        cameraOff={!media.cameraOn || !media.videoTrack}
        signalKey={SELF}
        extra={<MicLevel track={media.audioTrack} active={media.micOn} compact />}
        {...pinState(SELF)}
      >
        {media.videoTrack && media.cameraOn ? <LocalVideo track={media.videoTrack} /> : <Avatar name={me!.name} />}
      </TileFrame>
    ),
    [MY_SCREEN]: () => (
      <TileFrame label="Your screen" {...pinState(MY_SCREEN)}>
        {/* The bar above the stage says you are presenting, with Stop: the tile only marks the place. */}
        <div className="flex h-full items-center justify-center text-slate-500" aria-hidden="true">
          <ScreenIcon className="h-12 w-12" />
        </div>
      </TileFrame>
    ),
    invite: () => <InviteCard {...invite} />,
    'empty-stage': () => <EmptyStageCard connecting={invite.connecting} />,
  };
  for (const screen of screens)
    tiles[`screen-${screen.uid}`] = () => <ScreenTile screen={screen} {...pinState(`screen-${screen.uid}`)} />;
  for (const person of others) {
    tiles[person.uid] = () => (
      <RemoteTile person={person} actions={personActions?.(person)} {...pinState(person.uid)} />
    );
  }
  return <CallStage layout={layout} tile={(key) => tiles[key]?.()} />;
}
