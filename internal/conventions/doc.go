// Package conventions holds no code: its tests check the conventions that
// cross kefu's packages — every error sentinel of every package is of
// exactly one error class, and the lists those tests walk are complete.
// A new package or sentinel that breaks a convention fails here.
package conventions
