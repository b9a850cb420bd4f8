// The directory service: posts, offices and collectives, one verb per file.
export * from "./directory-schema.ts";
export { describePlad, isCollectiveName } from "./describe-plad.ts";
export { placeOfCity, placeOfPlad } from "./post-places.ts";
export { findPost, requirePost } from "./find-post.ts";
export {
  loadAddresseeDirectory,
  type AddressedPost,
  type AddresseeDirectory,
  type AddresseeRef,
  type ResolvedAddressee,
} from "./addressee-directory.ts";
export { closeMatches } from "./close-matches.ts";
export { directoryAnswers, type DirectoryAnswers } from "./directory-answers.ts";
export { listPosts } from "./list-posts.ts";
export { addPost, type AddPostInput } from "./add-post.ts";
export { updatePost } from "./update-post.ts";
export { removePost } from "./remove-post.ts";
export { listOffices } from "./list-offices.ts";
export { addOffice } from "./add-office.ts";
export { removeOffice } from "./remove-office.ts";
export { listCollectives, requireCollective } from "./list-collectives.ts";
export { addCollective } from "./add-collective.ts";
export { removeCollective } from "./remove-collective.ts";
export { addCollectiveMember } from "./add-collective-member.ts";
export { removeCollectiveMember } from "./remove-collective-member.ts";
export { loadDefaultDirectory, readDefaultDirectory } from "./load-default-directory.ts";
