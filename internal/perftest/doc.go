// Package perftest is the measuring harness of kefu's performance goals
// (issue 13): hand-written baselines of the rules kefu implements, a
// generator of a deterministic JSON-lines fixture of orders, and the
// end-to-end benchmarks that run both over it.
//
// It is test code in a package: only _test.go files import it (a test
// here checks that no library file does), so nothing in it reaches a
// shop backend's binary. Its benchmarks compare kefu with the baselines
// in one run, as ratios; see e2e_test.go.
//
// # Baselines
//
// The baselines are the same rules written the way a shop's own Go team
// would write them for the default policies, without kefu: free shipping
// (rule S1, with the postage of rules S2 and S3) in int64 fen
// ([FenRule.Decide]) and in shopspring/decimal ([DecRule.Decide]), and the
// concession-approval limits (rules A3, P2, P3, P4) in shopspring/decimal
// ([DecLimits.Review]), with the order construction they need
// ([BuildFen], [BuildDec]) and a JSON decoder ([DecodeHand]). They read
// their numbers from kefu's default policies once, when they are built
// ([NewFenRule], [NewDecRule], [NewDecLimits]), and refuse a policy that
// uses a feature they do not implement, so a change of defaults shows up
// as a failing agreement test rather than as a silently unfair benchmark.
//
// # Fixture
//
// [Generate] writes n orders as JSON lines, each with one concession
// request, from a fixed seed; about a tenth have an amount at a threshold
// (goods at the free-shipping threshold or a cent either side, a
// concession at a role's limit or a cent above it).
//
// # Running
//
// The machine the project measures on is shared and noisy, so every
// benchmark compares kefu with a baseline in the same run, and reports
// the process's CPU time per op or per order ([CPU]) besides wall time:
//
//	go test -run '^$' -bench VsHandwritten -count 6 ./shipping ./pricing ./order
//	go test -run '^$' -bench EndToEnd -count 5 ./internal/perftest
//	go test -run '^$' -bench EndToEndPaired -benchtime 20x ./internal/perftest
//	go test -run '^$' -bench TriageCores -cpu 1,2 -count 5 ./internal/perftest
//
// and compare within one output with benchstat
// (golang.org/x/perf/cmd/benchstat). CI runs none of the benchmarks,
// only the tests: the agreement test checks the whole 100k-order
// fixture (a twentieth of it under -short or the race detector).
package perftest
