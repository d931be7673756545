import { defineCodes } from 'nest-envelope';

export const BookCodes = defineCodes(
  {
    BOOK_FOUND: { code: 30001, message: 'book' },
    BOOK_NOT_FOUND: { code: 30010, status: 404, message: 'book {id} not found' },
  },
  { name: 'BookCodes' },
);
