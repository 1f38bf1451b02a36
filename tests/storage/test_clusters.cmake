# The k-means pseudo-labels of a project (clusterers, centroid files, slice assignments).
logonet_add_test(test_clusters SOURCES test_clusters.cpp LIBS logonet_storage QT TIMEOUT 60)
