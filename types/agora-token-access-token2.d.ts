// agora-token ships no types for its AccessToken2 parser or its 006 AccessToken; this declares the
// part the app and its tests use.
declare module 'agora-token/src/AccessToken2' {
  export class Service {
    constructor(serviceType: number);
    service_type(): number;
    add_privilege(privilege: number, expire: number): void;
    __privileges: Record<string, number>;
  }
  export class ServiceRtc extends Service {
    constructor(channelName?: string, uid?: number | string);
    __channel_name: Buffer | string;
    __uid: Buffer | string;
    static kPrivilegeJoinChannel: number;
    static kPrivilegePublishAudioStream: number;
    static kPrivilegePublishVideoStream: number;
    static kPrivilegePublishDataStream: number;
  }
  export class ServiceRtm extends Service {
    constructor(userId?: string);
    __user_id: Buffer | string;
  }
  export class ServiceChat extends Service {
    constructor(userId?: string);
    __user_id: Buffer | string;
  }
  export class ServiceStreaming extends Service {
    constructor(channelName?: string, account?: number | string);
  }
  export class ServiceFpa extends Service {
    constructor();
  }
  export class ServiceFCdn extends Service {
    constructor(channelName?: string, account?: number | string);
  }
  export class ServiceApaas extends Service {
    constructor(roomUuid?: string, userUuid?: string, role?: number);
  }
  export class Rtm2Permissions {
    add(resourceType: number, permissionType: number, resources: string[]): void;
  }
  export class ServiceRtm2 extends Service {
    constructor(userId?: string, permissions?: Rtm2Permissions);
  }
  export class ServiceConvoAI extends Service {
    constructor();
  }
  export class ServiceStt extends Service {
    constructor();
  }
  export class AccessToken2 {
    constructor(appId?: string, appCertificate?: string, issueTs?: number, expire?: number);
    appId: Buffer | string;
    issueTs: number;
    expire: number;
    salt: number;
    services: Service[];
    add_service(service: Service): void;
    build(): string;
    from_string(token: string): boolean;
    verifySignature(appCertificate: string): boolean;
    getServices(serviceType: number): Service[];
  }
  export const kRtcServiceType: number;
  export const kRtmServiceType: number;
  export const kChatServiceType: number;
}

declare module 'agora-token/src/AccessToken' {
  /** The older "006" token: built from App ID, certificate, channel and uid, privileges as Unix times. */
  export class AccessToken {
    constructor(appId: string, appCertificate: string, channelName: string, uid: number | string);
    salt: number;
    ts: number;
    messages: Record<number, number>;
    addPriviledge(privilege: number, expireTimestamp: number): void;
    build(): string;
  }
  export const priviledges: {
    kJoinChannel: 1;
    kPublishAudioStream: 2;
    kPublishVideoStream: 3;
    kPublishDataStream: 4;
    kRtmLogin: 1000;
  };
}
