CREATE TABLE "order" ("select" INTEGER PRIMARY KEY, "group by" TEXT NOT NULL DEFAULT '', [x"y] TEXT, "Ünï" INTEGER, "new col" TEXT);
CREATE INDEX "order index" ON "order" ("group by");
CREATE TABLE "from" ("to" INTEGER REFERENCES "order" ("select"));
