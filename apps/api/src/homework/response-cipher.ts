// The cipher now seals every kind of private text; this name stays for existing imports (cli.ts).
export { PrivateTextCipher as ResponseCipher, type CipherKey } from '../private-text/private-text-cipher';
