import { defineCodes } from 'nest-envelope/codes'; // Nest-free: the front end imports this file too

/** The codes of the users API: 200 is the API's number ("API number + kind"). */
export const UserCodes = defineCodes(
  {
    USERS_LISTED: { code: 20000, message: { en: 'users', 'zh-CN': '用户列表' } },
    USER_FOUND: { code: 20001, message: { en: 'user', 'zh-CN': '用户详情' } },
    USER_NOT_FOUND: { code: 20010, status: 404, message: { en: 'user {id} not found', 'zh-CN': '用户 {id} 不存在' } },
  },
  { name: 'UserCodes' },
);
