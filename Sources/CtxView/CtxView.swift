// CtxView
