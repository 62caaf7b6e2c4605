/**
 * The ACL Anthology: collection XML (collection.ts, read by reader.ts from the fast scanner.ts or saxes) and
 * name_variants.yaml (nameVariants.ts, with the YAML subset in yaml.ts).
 */
export { aclName, yearFromCollectionId } from './reader';
export { parseAclFiles, parseAclXml } from './collection';
export { aclIdentityKeyer, foldingCollisions, parseNameVariantsYaml, readNameVariants } from './nameVariants';
export type { AclFile, AclNameVariant, AclParseResult, AclPersonName, AclReader } from './types';
