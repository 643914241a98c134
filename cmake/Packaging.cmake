# The Debian package (`cpack -G DEB` in a build folder; scripts/test-deb.sh builds and tries it).
# It holds what `cmake --install` installs, under /usr.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME langdu)
set(CPACK_PACKAGE_VENDOR "the langdu authors")
set(CPACK_PACKAGE_CONTACT "the langdu authors <langdu@invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "narrate Chinese text into chaptered audio books with eSpeak NG")
set(CPACK_PACKAGE_DESCRIPTION
  "langdu reads Chinese text in any common encoding, finds its title, chapters, paragraphs and
sentences, reads numbers, dates and units as words, chooses the pinyin of every character, and
speaks it with eSpeak NG's Mandarin voice into one audio file per chapter (MP3, Ogg Vorbis, Opus,
FLAC or WAV), with captions, a playlist and a manifest of every sentence's time.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION sound)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: dpkg-shlibdeps reads the shared libraries the binary links (libespeak-ng1, libicu72,
# libsndfile1, libmp3lame0, libtag1v5, libsoxr0, libssl3, libc6, libstdc++6 …) with their
# minimal versions. What is loaded at run time no ELF link shows, so it is named here:
# espeak-ng-data, the engine's data, and FFmpeg's three libraries, which src/audio/libav.cpp opens
# with dlopen for M4B, at the sonames langdu was built against (libavformat59 … on Debian 12).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
pkg_check_modules(LIBAV_PACKAGE REQUIRED libavformat libavcodec libavutil)
set(langdu_runtime_depends "espeak-ng-data")
foreach(module avformat avcodec avutil)
  string(REGEX MATCH "^[0-9]+" major "${LIBAV_PACKAGE_lib${module}_VERSION}")
  string(APPEND langdu_runtime_depends ", lib${module}${major}")
endforeach()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${langdu_runtime_depends}")
include(CPack)
