// CtxSession
