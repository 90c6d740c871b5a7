package io.liteshift.lint;

/** How much a lint finding matters: an ERROR makes {@code lint} exit 6, {@code migrate} refuse (unless forced) and push refuse. */
public enum Severity { ERROR, WARNING, INFO }
