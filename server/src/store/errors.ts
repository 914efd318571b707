/**
 * Why a store operation refused. The store knows nothing of HTTP: http/errors.ts maps each class
 * to a status and an error code.
 */
export abstract class DomainError extends Error {}

/** The resource does not exist, or the viewer may not see it. */
export class NotFound extends DomainError {
  constructor(what: string) {
    super(`${what} not found.`);
  }
}

/** Someone other than the author tried to change a comment. */
export class Forbidden extends DomainError {}

/** A page cursor that does not belong to this list. */
export class InvalidCursor extends DomainError {
  constructor() {
    super('The cursor is not valid for this list; start again without it.');
  }
}

/** A reply whose parent is not in the same thread. */
export class InvalidParent extends DomainError {
  constructor() {
    super('The comment you are replying to is not in this thread.');
  }
}

/** A ballot the poll's rules do not allow. */
export class InvalidOption extends DomainError {}

/** The comment was deleted, so it can no longer change. */
export class CommentGone extends DomainError {}

/** The author's edit window has passed. */
export class EditWindowClosed extends DomainError {}

export class PollClosed extends DomainError {
  constructor() {
    super('This poll is closed.');
  }
}

export class AlreadyVoted extends DomainError {
  constructor() {
    super('You have already voted in this poll.');
  }
}
