// The AccessToken2 known-answer vectors (fixtures/accesstoken2.json), typed for the tests that use them.
import vectorsFile from './fixtures/accesstoken2.json';

export interface VectorService {
  type: number;
  name: 'rtc' | 'rtm' | 'chat';
  channelName?: string;
  uid?: number | string;
  userId?: string;
  privileges: Record<string, number>;
}

export interface Vector {
  id: string;
  inputs: {
    appId: string;
    appCertificate: string;
    issueTs: number;
    expire: number;
    salt: number;
    services: VectorService[];
  };
  expected: string;
}

export const vectors = vectorsFile.vectors as Vector[];
