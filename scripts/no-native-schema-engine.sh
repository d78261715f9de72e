#!/bin/sh
# Stand-in for Prisma's native schema engine, which the Prisma CLI would otherwise download
# from Prisma's own servers (unreachable on closed build networks). `prisma generate` does not
# run it; migrations go through the WebAssembly engine. See docs/decisions/0004-offline-migrations.md.
echo "The native Prisma schema engine is not installed here. Use: npm run db:migrate / npm run db:migration:new -- <name>" >&2
exit 1
