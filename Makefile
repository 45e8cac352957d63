# The two commands a newcomer needs: `make run` and `make test`.
.PHONY: run test e2e package demo bench bench-import bench-queue bench-consensus bench-ledger bench-load bench-telegram-claim clean

run: ## Run LabelMint on :8080 (embedded PostgreSQL and demo data unless configured otherwise)
	bash scripts/run.sh

test: ## The suite against real local PostgreSQL, Redis and RabbitMQ (started if needed), the marketplace days apart
	bash scripts/test.sh

e2e: ## Issue 9's marketplace days at the build's size: one instance, three behind a round-robin, faults (CI runs it after `test`)
	bash scripts/test.sh -Pe2e

package: ## Build target/quarkus-app without running tests
	mvn -B -ntp package -DskipTests

demo: ## Issue 9's marketplace day at full size (10 000 items, 50 labelers) through public HTTP, printing progress and the figures
	bash scripts/demo.sh

bench: ## Outbox benchmark against raw INSERTs (pgbench); writes bench/RESULTS.md
	bash bench/outbox/run.sh

bench-import: ## Bulk import of 1 000 000 items through the API against a raw COPY of the same rows; writes bench/RESULTS.md
	bash bench/import/run.sh

bench-queue: ## Labeling-loop benchmark: 200 labelers against the same SQL in pgbench; writes bench/RESULTS.md
	bash bench/queue/run.sh

bench-consensus: ## Dawid–Skene over 1 000 000 answers: 100 EM iterations, time to convergence, memory; writes bench/RESULTS.md
	bash bench/consensus/run.sh

bench-ledger: ## Ledger transfers: 100 clients through Ledger.transfer (random pairs and one hot escrow) against the same SQL in pgbench; writes bench/RESULTS.md
	bash bench/ledger/run.sh

bench-load: ## Load: REST labelers and the Telegram webhook at rising open-loop rates until p99 passes 200 ms; writes bench/RESULTS.md
	bash bench/load/run.sh

bench-telegram-claim: ## The Telegram sender's claim query over a backlog behind a sent history, with and without its index, against a key lookup (pgbench); writes bench/RESULTS.md
	bash bench/telegram-claim/run.sh

clean:
	mvn -B -ntp -q clean
