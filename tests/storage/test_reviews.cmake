# Review verdicts per label version, and the schema migration that made their table.
logonet_add_test(test_reviews SOURCES test_reviews.cpp LIBS logonet_storage QT TIMEOUT 60)
