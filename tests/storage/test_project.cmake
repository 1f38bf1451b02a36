# The project database, label versions and import.
logonet_add_test(test_database SOURCES test_database.cpp LIBS logonet_storage QT)
logonet_add_test(test_project SOURCES test_project.cpp LIBS logonet_storage QT)
logonet_add_test(test_import SOURCES test_import.cpp LIBS logonet_storage QT)
logonet_add_test(test_import_datasets SOURCES test_import_datasets.cpp LIBS logonet_storage QT)
