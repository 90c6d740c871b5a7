-- same schema, written differently
create table USERS (ID integer primary key, "name" text not null);
create index users_name on users(name);
