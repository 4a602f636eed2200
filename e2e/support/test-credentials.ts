// Well-formed Agora credentials for the Agora-mode test server: the ones from Agora's own public
// token test vectors. They belong to no real project; requests with them are aborted before leaving.
export const E2E_AGORA_APP_ID = '970ca35de60c44645bbae8a215061b33';
export const E2E_AGORA_APP_CERTIFICATE = '5cfd2fd1755d40ecb72977518be15d3b';
