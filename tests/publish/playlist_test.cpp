#include "publish/playlist.h"

#include <gtest/gtest.h>

namespace langdu::publish {
namespace {

TEST(Playlist, M3u8ListsFilesWithDurationsAndTitles) {
  const PlaylistEntry entries[] = {{"01-开头.mp3", "开头", 0, 61.6},
                                   {"02-第一章.mp3", "第一章", 0, 5.2}};
  EXPECT_EQ(M3u8(entries),
            "#EXTM3U\n#EXTINF:62,开头\n01-开头.mp3\n#EXTINF:5,第一章\n02-第一章.mp3\n");
}

TEST(Playlist, CueSheetIndexesTracksInFrames) {
  const PlaylistEntry entries[] = {{"书.mp3", "开头", 0, 61.6},
                                   {"书.mp3", "第\"一\"章", 61.6, 5.2}};
  EXPECT_EQ(CueSheet("书.mp3", "MP3", "书", "张三", entries),
            "PERFORMER \"张三\"\nTITLE \"书\"\nFILE \"书.mp3\" MP3\n"
            "  TRACK 01 AUDIO\n    TITLE \"开头\"\n    PERFORMER \"张三\"\n    INDEX 01 00:00:00\n"
            "  TRACK 02 AUDIO\n    TITLE \"第'一'章\"\n    PERFORMER \"张三\"\n"
            "    INDEX 01 01:01:45\n");
}

}  // namespace
}  // namespace langdu::publish
