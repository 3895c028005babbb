package order

import "github.com/kefu-go/kefu/internal/enum"

// Channel is a way of reaching a buyer or a colleague: the platform's
// chat, a phone call, an SMS, or face to face. A slow review tries the
// buyer by phone, chat and SMS (rule O5). The zero value,
// [ChannelUnknown], is not a channel. The names are notes' channel names,
// so a note's channel and a contact's are one vocabulary.
type Channel uint8

// Channels.
const (
	ChannelUnknown Channel = iota
	Chat                   // the platform's chat (旺旺) or the team's messenger
	Phone                  // a call
	SMS                    // a text message
	InPerson               // face to face
	numChannels
)

var channelNames = []string{"", "chat", "phone", "sms", "in_person"}

// String returns the snake_case name, or "Channel(N)" out of range.
func (c Channel) String() string { return enum.Name(channelNames, int(c), "Channel") }

// IsValid reports whether c is a known channel.
func (c Channel) IsValid() bool { return c > ChannelUnknown && c < numChannels }

// MarshalText returns the snake_case name; an invalid channel is an error
// wrapping [ErrUnknownCode].
func (c Channel) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, fieldErr("channel", c.String(), ErrUnknownCode, "")
	}
	return []byte(channelNames[c]), nil
}

// UnmarshalText accepts the snake_case names; anything else is an error
// wrapping [ErrUnknownCode].
func (c *Channel) UnmarshalText(b []byte) error {
	i, ok := enum.Index(channelNames, string(b))
	if !ok {
		return fieldErr("channel", string(b), ErrUnknownCode, "")
	}
	*c = Channel(i)
	return nil
}

// ChannelSet is a set of [Channel]s; the zero value is empty, and its JSON
// is a list of names (["phone","sms"]).
type ChannelSet = Set[Channel]

// Round is one of the two daily contact rounds of a slow review (rule
// O5). The zero value, [RoundUnknown], is not a round.
type Round uint8

// Rounds.
const (
	RoundUnknown Round = iota
	Morning            // from the policy's SlowReviewMorningAt to its evening round
	Evening            // from the policy's SlowReviewEveningAt to the next morning round
	numRounds
)

var roundNames = []string{"", "morning", "evening"}

// String returns "morning" or "evening", or "Round(N)" out of range.
func (r Round) String() string { return enum.Name(roundNames, int(r), "Round") }

// IsValid reports whether r is a known round.
func (r Round) IsValid() bool { return r > RoundUnknown && r < numRounds }

// MarshalText returns the snake_case name; an invalid round is an error
// wrapping [ErrUnknownCode].
func (r Round) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fieldErr("round", r.String(), ErrUnknownCode, "")
	}
	return []byte(roundNames[r]), nil
}

// UnmarshalText accepts "morning" and "evening"; anything else is an error
// wrapping [ErrUnknownCode].
func (r *Round) UnmarshalText(b []byte) error {
	i, ok := enum.Index(roundNames, string(b))
	if !ok {
		return fieldErr("round", string(b), ErrUnknownCode, "")
	}
	*r = Round(i)
	return nil
}
