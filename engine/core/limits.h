/* Every limit Orilla puts on input it did not write itself, with the reason beside it.
 * A story or bundle comes from a workshop laptop or a USB stick: it is untrusted. */
#ifndef ORL_LIMITS_H
#define ORL_LIMITS_H

/* Lua heap for one story: the 10,000-scene bench story needs ~20 MB; 64 MB leaves room
 * and still keeps a kiosk with several stories well under its memory. */
#define ORL_LUA_MEMORY_DEFAULT (64u * 1024u * 1024u)
/* Lua VM instructions for one call into story code (on_enter, when, text functions).
 * A real condition takes tens; a million is ~10 ms and stops any loop quickly. */
#define ORL_LUA_INSTRUCTIONS_PER_CALL 1000000L
/* Instructions for running story.lua itself (it builds every scene once). */
#define ORL_LUA_INSTRUCTIONS_LOAD 200000000L
/* Wall clock for one call, whatever Lua is doing (C functions do not count instructions). */
#define ORL_LUA_CALL_SECONDS 2.0
/* The deadline is kept by a watchdog thread (script/sandbox.c), not only by the count hook,
 * which never runs inside C: it looks at the armed calls this often (seconds), so a call
 * ends at most this late, and a kiosk's SIGTERM reaches a stuck story this quickly. */
#define ORL_WATCHDOG_TICK 0.05
/* Library functions that work in C (string.rep, table.concat, upper, format...) are charged
 * to the instruction budget for the bytes they read and write: one instruction's worth
 * (~10 ns) per 256 bytes copied, and per 32 bytes compared (table.sort compares texts with
 * strcoll, several times slower than a copy). A 64 MB string.rep costs 262,144 of the
 * million instructions a call has; sorting 1,000 short texts ~10,000. */
#define ORL_LUA_BYTES_PER_UNIT 256.0
#define ORL_LUA_COMPARE_BYTES_PER_UNIT 32.0
/* Lua string patterns run in C and backtrack: cost grows like len^(quantifiers+1).
 * Refuse a match whose estimated worst case passes this many steps (~0.3 s). */
#define ORL_PATTERN_MAX_STEPS 3.0e7
#define ORL_PATTERN_MAX_SUBJECT (1u << 20) /* 1 MiB of text to search in */
#define ORL_PATTERN_MAX_LENGTH 256         /* a pattern longer than this is not an author's */
/* A plain find (string.find(s, text, i, true)) has no length limit on its text, but compares
 * it at each place it could start: at worst (places) x (its length) bytes. Refused past this
 * many bytes compared (~0.1 s; a 1 MiB text and a 512 KiB needle were minutes). */
#define ORL_PLAIN_FIND_MAX_BYTES 2.5e8
/* table.insert/remove/move shift elements in C, where the instruction budget cannot see
 * them, and moving nils costs no memory: a __len returning 1e15 would loop for ever. A real
 * table under the memory cap holds a few million elements at most. */
#define ORL_LUA_MAX_SHIFT (1 << 24)

/* Files of a story. */
#define ORL_MAX_SCRIPT_BYTES (128u * 1024u * 1024u) /* one .lua file; a generated 100,000-scene story is ~86 MB */
/* All the .lua files of one story together (each is kept in memory while it loads, to find
 * the lines of messages): a bundle of 695 KB held three files of 100 MB of comments. */
#define ORL_MAX_STORY_SOURCE_BYTES (160u * 1024u * 1024u)
/* The Lua heap cap grows with the story's own code (comments and blank space do not count):
 * parsed scenes take ~6x their text. Up to a ceiling: a kiosk runs several stories, and one
 * command should stay under 512 MB; the 100,000-scene generated story (86 MB) needs ~200 MB. */
#define ORL_LUA_MEMORY_PER_SOURCE_BYTE 8u
#define ORL_LUA_MEMORY_MAX (320u * 1024u * 1024u)
#define ORL_MAX_INCLUDE_DEPTH 16                    /* include "a.lua" inside include ... */
#define ORL_MAX_INCLUDES 512                        /* files one story may include */
#define ORL_MAX_FILE_BYTES (256u * 1024u * 1024u)   /* any single asset read from a story */
#define ORL_MAX_PATH 512                            /* a file name inside a story */
#define ORL_MAX_ID 128                              /* bytes of a scene/testimony/story id */
#define ORL_MAX_TEXT (64u * 1024u)                  /* one text field */
#define ORL_MAX_SCENES 1000000                      /* scenes in one story */
#define ORL_MAX_CHOICES 64                          /* choices in one scene */
/* The C story copies every text and choice it is given, and Lua lets one table or text be
 * given many times (a list of 64 choices shared by 20,000 scenes made in a loop is 1.28
 * million choices, 200 MB, from a 200-byte story). A 100,000-scene story has ~300,000
 * choices and ~60 MB of text; these leave room and keep a load well under 512 MB. */
#define ORL_MAX_STORY_CHOICES 500000
#define ORL_MAX_STORY_TEXT_BYTES (128u * 1024u * 1024u)

/* Bundles (.orilla zips), checked when a bundle is opened, before anything is read from it.
 * A zip declares its own entry count and sizes, and PhysicsFS trusts them: these caps keep a
 * hostile zip (a "zip bomb", a million empty entries) from costing memory, disk or minutes. */
/* Entries: a story with a picture, a sound and captions for each of 10,000 scenes is ~30,000
 * files; 50,000 leaves room, and the zip directory for that many is a few MB to hold. */
#define ORL_MAX_BUNDLE_FILES 50000
/* Sum of the uncompressed sizes the zip declares: hours of testimony audio and a thousand
 * full-HD pictures are under 1 GiB; 2 GiB leaves room and hashes in ~10 s on a kiosk. */
#define ORL_MAX_BUNDLE_BYTES (2ull * 1024u * 1024u * 1024u)
/* Folders inside folders: a story needs two or three; deeper is a trick (and costs stack). */
#define ORL_MAX_PATH_DEPTH 32
/* The generated manifest: ~150 bytes per file, so ORL_MAX_BUNDLE_FILES entries fit in 8 MB. */
#define ORL_MAX_MANIFEST_BYTES (16u * 1024u * 1024u)

/* Messages of one kind (one code, such as unknown-go) kept for one run: a story made in a
 * loop with 20,000 scenes of 64 choices to a missing scene asked for 1.28 million lines.
 * Past this many, the rest are counted and printed as one "and N more like ..." line. */
#define ORL_MAX_DIAGS_PER_CODE 100
/* Did-you-mean: names compared (each an edit distance of two short ids) for the unknown
 * names of one story load, together; past it the messages come without a suggestion.
 * 20,000 scenes with a missing `go` each compared every id: 24 s for 4,000 scenes. */
#define ORL_SUGGEST_MAX_WORK 4000000L
/* "Which line is this field on": bytes of source read to find them, for one story load
 * (a definition's fields are read from its line on; scenes made in a loop on one line with
 * long comments after it made each search read ~8 MB: 40 scenes took 20 s). Past this, a
 * message is put at its definition's line. */
#define ORL_FIELD_LINE_MAX_BYTES (64u * 1024u * 1024u)
/* The whole load of a story, story.lua and the conversion after it: the 10,000-scene bench
 * story loads in ~0.2 s, the 100,000-scene one in ~2 s. */
#define ORL_LOAD_SECONDS 8.0

/* Story state `s`: plain values only; these bound a snapshot. */
#define ORL_STATE_MAX_DEPTH 16
#define ORL_STATE_MAX_BYTES (1u << 20)

/* walk --all: (scene, state) pairs visited before it stops and says so. */
#define ORL_WALK_MAX_STATES 200000
/* ... and bytes of those states kept (each up to ORL_STATE_MAX_BYTES): 200,000 states of
 * 1 KB fit; 2,000 distinct states of nearly 1 MB took 2 GB before. With the arena's doubling
 * the walk peaks at ~1.5 times this. */
#define ORL_WALK_MAX_STATE_BYTES (192u * 1024u * 1024u)

/* Images: a 20000x20000 PNG costs ~400 MB inside IMG_Load; read the header first. */
#define ORL_MAX_IMAGE_PIXELS (8192u * 8192u)
#define ORL_MAX_IMAGE_SIDE 16384
/* Pixels of all the pictures one scene draws at once (background, panorama, layers): one
 * 8192x8192 picture (67 million, 256 MB decoded) and a few full-HD layers fit; a background
 * and 32 such layers took 5 GB. The picture that would pass it is left out, with an error at
 * its line (check says it too, from the pictures' headers). */
#define ORL_MAX_SCENE_PIXELS (80u * 1000u * 1000u)
/* `check` decodes every picture to find damage the header does not show; past this many
 * seconds of decoding (33 pictures of 8192x8192 took minutes) the rest are checked by their
 * headers only, with a warning. */
#define ORL_CHECK_DECODE_SECONDS 4.0
/* Bytes of one image file, read whole before its header is checked: a 8192x4096 panorama is
 * 10-60 MB as JPEG or PNG; 128 MB leaves room for an uncompressed export. */
#define ORL_MAX_IMAGE_FILE_BYTES (128u * 1024u * 1024u)
/* Layers in one scene (the loader cuts there too): more is not a picture but a slide show,
 * and each full-screen layer costs ~3 ms a frame on the software renderer. */
#define ORL_MAX_LAYERS 32
/* Decoded pictures kept per renderer when the player gives no budget: ~30 full-HD images or
 * a few panoramas, so going back a scene or two does not decode again. */
#define ORL_IMAGE_CACHE_BYTES (256u * 1024u * 1024u)
/* ... and in the window player, which keeps the scene on screen, the scenes its choices lead
 * to (decoded ahead), and little more: 5 full-HD pictures. A scene's own pictures are kept
 * even past it, so a large panorama still shows. */
#define ORL_PLAYER_IMAGE_BUDGET (40u * 1024u * 1024u)
/* Pictures remembered as unloadable (so a missing file is not searched for every frame). */
#define ORL_IMAGE_FAILED_KEPT 1024
/* How far a camera move may zoom the whole picture to hide the layers' edges; past this,
 * the layers that need more are enlarged on their own (slightly out of register). */
#define ORL_CAMERA_MAX_ZOOM 1.6f

/* Text layout and drawing (engine/render/text.c). */
#define ORL_TEXT_MAX_BYTES ORL_MAX_TEXT    /* laid out per call; longer text is cut (at a character) */
#define ORL_TEXT_MAX_LINES 2000            /* 64 KiB of prose is ~800 lines at 80 columns; more is cut */
#define ORL_TEXT_MAX_MARKS 30              /* combining marks on one letter (UAX #15's stream-safe limit); more are left out */
#define ORL_TEXT_MIN_SIZE 4                /* pixel sizes are clamped to [MIN, MAX]: below 4 px is unreadable, */
#define ORL_TEXT_MAX_SIZE 512              /* above 512 px one line of glyphs costs tens of MB of surface */
#define ORL_TEXT_MAX_LINE_WIDTH 16384      /* px; text with no max width still wraps here, bounding every surface */
#define ORL_FONT_SET_MAX_FONTS 8           /* fonts in one fallback list: Latin + Arabic + a few more scripts */
#define ORL_MAX_FONT_BYTES (32u * 1024u * 1024u) /* one font file; Noto CJK, the largest common one, is ~20 MB */
/* Text texture cache, per renderer: a full-screen block of text is 1920x1080x4 = 8 MB, so 32 MB holds a
 * scene's worth with room for the previous one; 256 blocks is more than any screen shows. */
#define ORL_TEXT_CACHE_BYTES (32u * 1024u * 1024u)
#define ORL_TEXT_CACHE_ENTRIES 256

/* Consent withdrawal lists (story/consent.h): written by hand by an operator, one
 * "story-id/testimony-id" per line. A long list is a few hundred lines; a line longer than
 * two ids and a comment is not one. Past either limit the list is refused (fail closed). */
#define ORL_MAX_WITHDRAWN_LINES 100000
#define ORL_MAX_WITHDRAWN_LINE 1024
/* Problems reported for one list before it stops reading: more means the wrong file. */
#define ORL_MAX_WITHDRAWN_PROBLEMS 20

/* WebVTT captions (audio/webvtt.h). A 3-hour film's subtitles are ~200 KB and ~2,000 cues;
 * a testimony is minutes. 4 MiB / 20,000 cues leave room and bound parse time and memory. */
#define ORL_MAX_CAPTIONS_BYTES (4u * 1024u * 1024u)
#define ORL_MAX_VTT_CUES 20000
/* One cue's text: a caption is one or two short lines; 4 KiB is a paragraph, more is cut. */
#define ORL_MAX_VTT_CUE_BYTES 4096u
/* Timestamps: hours beyond 10,000 are not a testimony (and keep seconds exact in a double). */
#define ORL_MAX_VTT_HOURS 9999
/* Problems reported for one captions file: past 50 it is not a captions file being edited,
 * and a hostile one must not make `check` store millions of messages. */
#define ORL_MAX_VTT_PROBLEMS 50

/* Testimony audio read into memory (audio/audio.h): 30 minutes of Ogg Vorbis at 128 kbit/s
 * is ~29 MB, of 16-bit stereo WAV ~300 MB; 128 MiB holds any compressed testimony and ~12
 * minutes of WAV, while a kiosk keeps one testimony in memory at a time. */
#define ORL_MAX_AUDIO_BYTES (128u * 1024u * 1024u)
/* Self-voicing (audio/voice.h): one segment (a paragraph, a choice) is cut after this many
 * seconds of speech (~800 words, far more than a screen holds; a text field may be up to
 * ORL_MAX_TEXT, an hour read aloud), so one segment costs at most ~13 MB of samples and ~58 MB
 * in the mixer's format while it plays; and a screen is read as at most this many segments
 * (64 choices, the text, testimony, fact and a few buttons). */
#define ORL_VOICE_MAX_SECONDS 300
#define ORL_VOICE_MAX_SEGMENTS 96

/* Translations: locale/LANG.po files (engine/story/locale.c), read from untrusted bundles. */
/* One PO file holds every text of the story twice (source and translation) plus references
 * and comments, ~2.5x the story's own text; the same cap as one story file. */
#define ORL_MAX_PO_BYTES ORL_MAX_SCRIPT_BYTES
/* One msgid or msgstr once its quoted lines are joined: the cap of one story text field. */
#define ORL_MAX_PO_STRING ORL_MAX_TEXT
/* msgstr[N]: Arabic, with six plural forms, has the most of any language; 16 leaves room. */
#define ORL_MAX_PO_PLURALS 16
/* Problems reported for one PO file before reading stops: a file that is not a PO at all
 * would otherwise print one line per line. */
#define ORL_MAX_PO_ERRORS 50
/* A language tag ("es", "pt-BR", "sr-Latn-RS"): it names a file, locale/TAG.po. */
#define ORL_MAX_LANG 32

/* Files Orilla is told to read by name (outside a story): a withdrawal list, a key, a Twine
 * file; anything larger is not one (and /dev/zero never ends). */
#define ORL_MAX_WITHDRAWN_FILE_BYTES (16u * 1024u * 1024u)
#define ORL_MAX_KEY_FILE_BYTES 4096u
#define ORL_MAX_EVENTS_FILE_BYTES (16u * 1024u * 1024u)
/* orilla graph -o x.svg: Graphviz's dot is stopped after this long (a 1,000-scene story takes
 * ~1 s; a graph made to make dot slow would otherwise hang the command), and what it says on
 * stderr is kept up to this many bytes. */
#define ORL_GRAPHVIZ_SECONDS 8
#define ORL_GRAPHVIZ_MESSAGE_BYTES 4096
/* print() in a story: each line is cut here, and a story prints at most this many lines in
 * one run (more is one "print: N more lines not shown" line). */
#define ORL_PRINT_MAX_LINE 400
#define ORL_PRINT_MAX_LINES 200
/* A statistics file holds counts and short ids: no value in it may be larger than this
 * (SQLite's length limit while it is open), so a crafted file cannot make a report use GBs. */
#define ORL_STATS_MAX_VALUE_BYTES (1024 * 1024)
/* A bundle's files may unpack to at most this many times the zip's size, beyond a first
 * 64 MB: Lua, text and translations deflate 3-15 times, pictures and sound are stored; only
 * a zip bomb comes near deflate's 1,000 times (2 GB of zeros in 2 MB took 52 s to verify). */
#define ORL_MAX_BUNDLE_RATIO 100
#define ORL_BUNDLE_RATIO_ALLOWANCE (64ull * 1024 * 1024)

/* Twine import (orilla import twee): the largest public Twine stories are a few MB with a few
 * thousand passages; ten times that leaves room and stays quick to read. */
#define ORL_MAX_TWEE_BYTES (32u * 1024u * 1024u)
#define ORL_MAX_TWEE_PASSAGES 50000

/* Picture headers read by `check` (size of a PNG or JPEG without decoding it): a JPEG says
 * its size after its EXIF/ICC blocks, each at most 64 KiB; four of them fit in 256 KiB. */
#define ORL_IMAGE_HEADER_BYTES (256u * 1024u)

#endif
