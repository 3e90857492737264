"""FollowTheMoney (FtM): read entity streams into imrnet datasets, and back.

``mapping`` holds the one table of correspondences, ``reader`` parses a
stream, ``importer`` writes a dataset directory from it and ``export``
turns a dataset into FtM entities.
"""
