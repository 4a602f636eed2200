// agora-token ships no types for its AccessToken2 parser; this declares the part we use.
declare module 'agora-token/src/AccessToken2' {
  export class Service {
    service_type(): number;
    __privileges: Record<string, number>;
  }
  export class ServiceRtc extends Service {
    __channel_name: Buffer | string;
    __uid: Buffer | string;
    static kPrivilegeJoinChannel: number;
    static kPrivilegePublishAudioStream: number;
    static kPrivilegePublishVideoStream: number;
    static kPrivilegePublishDataStream: number;
  }
  export class ServiceRtm extends Service {
    __user_id: Buffer | string;
  }
  export class ServiceChat extends Service {
    __user_id: Buffer | string;
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
