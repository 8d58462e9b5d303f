// CtxCore
