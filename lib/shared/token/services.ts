// The services an AccessToken2 can carry, by the type number Agora packs, with the fields each one
// binds (channel, uid, user id…) and its privilege names. Layouts follow agora-token 2.0.6's
// AccessToken2.js; a type missing here cannot be read past, since its field layout is unknown.
import { ByteReader } from './bytes';

export interface ServiceField {
  label: string;
  value: string;
}

export interface DecodedService {
  type: number;
  name: string;
  /** What the service is bound to, in packing order. */
  fields: ServiceField[];
  /** Privilege number → seconds after the issue time (0 = as long as the token). */
  privileges: Record<number, number>;
}

/** An RTC grant as the join rules read it: uid "" means any uid may join. */
export interface RtcServiceClaims {
  channel: string;
  uid: string;
  privileges: Record<number, number>;
}

interface ServiceLayout {
  name: string;
  privilegeNames: Record<number, string>;
  read(reader: ByteReader): ServiceField[];
}

const channelAndAccount = (accountLabel: string) => (reader: ByteReader) => [
  { label: 'Channel', value: reader.text('the channel name') },
  { label: accountLabel, value: reader.text(`the ${accountLabel}`) },
];

const userId = (reader: ByteReader) => [{ label: 'User id', value: reader.text('the user id') }];
const nothing = () => [];

const RTM2_RESOURCES: Record<number, string> = {
  0: 'message channels',
  1: 'stream channels',
  2: 'group channels',
  3: 'server groups',
  4: 'users',
};
const RTM2_PERMISSIONS: Record<number, string> = { 0: 'read', 1: 'write' };

/** Signaling 2.x permissions: resource type → permission → resource names. */
function rtm2Permissions(reader: ByteReader): ServiceField[] {
  const fields: ServiceField[] = [{ label: 'User id', value: reader.text('the user id') }];
  const resourceTypes = reader.uint16('the number of permission resource types');
  for (let r = 0; r < resourceTypes; r++) {
    const resource = reader.uint16('a permission resource type');
    const permissions = reader.uint16('the number of permissions');
    for (let p = 0; p < permissions; p++) {
      const permission = reader.uint16('a permission type');
      const count = reader.uint16('the number of resources');
      const names = Array.from({ length: count }, () => reader.text('a resource name'));
      const action = RTM2_PERMISSIONS[permission] ?? `permission ${permission}`;
      const label = `${action} ${RTM2_RESOURCES[resource] ?? `resource type ${resource}`}`;
      fields.push({ label, value: names.join(', ') || '(none)' });
    }
  }
  return fields;
}

export const RTC_SERVICE_TYPE = 1;

export const SERVICE_LAYOUTS: Record<number, ServiceLayout> = {
  [RTC_SERVICE_TYPE]: {
    name: 'RTC',
    privilegeNames: { 1: 'join channel', 2: 'publish audio', 3: 'publish video', 4: 'publish data stream' },
    read: channelAndAccount('uid'),
  },
  2: { name: 'RTM (Signaling)', privilegeNames: { 1: 'login' }, read: userId },
  3: {
    name: 'Media Push (streaming)',
    privilegeNames: { 1: 'publish mixed stream', 2: 'publish raw stream' },
    read: channelAndAccount('Account'),
  },
  4: { name: 'FPA (acceleration)', privilegeNames: { 1: 'login' }, read: nothing },
  5: { name: 'Chat', privilegeNames: { 1: 'user', 2: 'app' }, read: userId },
  6: { name: 'Fusion CDN', privilegeNames: { 1: 'publish', 2: 'play' }, read: channelAndAccount('Account') },
  7: {
    name: 'Flexible Classroom (APaaS)',
    privilegeNames: { 1: 'room user', 2: 'user', 3: 'app' },
    read: (reader) => [
      { label: 'Room', value: reader.text('the room uuid') },
      { label: 'User', value: reader.text('the user uuid') },
      { label: 'Role', value: String(reader.int16('the role')) },
    ],
  },
  8: { name: 'Signaling 2 (RTM2)', privilegeNames: { 1: 'login' }, read: rtm2Permissions },
  9: { name: 'Conversational AI', privilegeNames: {}, read: nothing },
  10: { name: 'Speech-to-Text', privilegeNames: {}, read: nothing },
};

export function privilegeName(serviceType: number, privilege: number): string {
  return SERVICE_LAYOUTS[serviceType]?.privilegeNames[privilege] ?? `privilege ${privilege}`;
}

/** 006 tokens keep one privilege map for everything (RTC numbers, and 1000 for RTM). */
export function legacyPrivilegeName(privilege: number): string {
  return privilege === 1000 ? 'RTM login' : privilegeName(RTC_SERVICE_TYPE, privilege);
}

/** Reads one service after its type number; null for a type whose layout is unknown. */
export function readService(type: number, reader: ByteReader): DecodedService | null {
  const layout = SERVICE_LAYOUTS[type];
  if (!layout) return null;
  const privileges = reader.uint32Map(`the ${layout.name} privileges`);
  return { type, name: layout.name, fields: layout.read(reader), privileges };
}

const fieldValue = (service: DecodedService, label: string) =>
  service.fields.find((field) => field.label === label)?.value ?? '';

/** The RTC services' channel and uid, for the join rules. */
export function rtcClaims(services: DecodedService[]): RtcServiceClaims[] {
  return services
    .filter((service) => service.type === RTC_SERVICE_TYPE)
    .map((service) => ({
      channel: fieldValue(service, 'Channel'),
      uid: fieldValue(service, 'uid'),
      privileges: service.privileges,
    }));
}
