// CtxLang
