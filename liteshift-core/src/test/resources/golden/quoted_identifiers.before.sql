CREATE TABLE "order" ("select" INTEGER PRIMARY KEY, "group by" TEXT, [x"y] TEXT, `Ünï` TEXT);
CREATE INDEX "order index" ON "order" ("group by");
INSERT INTO "order" VALUES (1, 'g', 'q', 'u');
