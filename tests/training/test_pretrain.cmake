# Masked multi-clusterer pre-training: k-means, masking, the head, the loss and transfer.
logonet_add_test(test_kmeans SOURCES test_kmeans.cpp LIBS logonet_training QT TORCH TIMEOUT 60)
logonet_add_test(test_masking SOURCES test_masking.cpp LIBS logonet_training QT TORCH TIMEOUT 60)
# Random pre-training crops per step and their draw-time nearest-centroid labels.
logonet_add_test(test_pretrain_crop_draw SOURCES test_pretrain_crop_draw.cpp LIBS logonet_training
                 QT TORCH TIMEOUT 60)
# Prepared cases read from the case cache as crops need them, within a memory budget.
logonet_add_test(test_cached_case_source SOURCES test_cached_case_source.cpp LIBS logonet_training
                 QT TORCH TIMEOUT 60)
logonet_add_test(test_pretrain SOURCES test_pretrain.cpp LIBS logonet_training QT TORCH TIMEOUT 180)
# The pretext task's no-learning baselines (position-only, crop-majority) against counting.
logonet_add_test(test_pretext_baselines SOURCES test_pretext_baselines.cpp LIBS logonet_training
                 QT TORCH TIMEOUT 60)
# The files of a self-contained pre-training run folder (config.json, crops, pseudo-labels).
logonet_add_test(test_pretrain_files SOURCES test_pretrain_files.cpp LIBS logonet_training QT TORCH
                 TIMEOUT 60)
if(LOGONET_WITH_STORAGE)
  # `logonet experiment pretraining` on a tiny phantom set: JSON shape, paired arms, refusal.
  logonet_add_test(test_pretrain_experiment SOURCES test_pretrain_experiment.cpp
                   LIBS logonet_core QT TIMEOUT 900 LABELS slow)
  add_dependencies(test_pretrain_experiment logonet)
  # The fitted slices and the prepared cases held within their memory budgets (the real program).
  logonet_add_test(test_pretrain_memory SOURCES test_pretrain_memory.cpp LIBS logonet_core QT
                   TIMEOUT 300)
  add_dependencies(test_pretrain_memory logonet)
  # `logonet demo --pretrain` with tiny settings through the real program.
  logonet_add_test(test_demo_pretrain SOURCES test_demo_pretrain.cpp LIBS logonet_core QT
                   TIMEOUT 600)
  add_dependencies(test_demo_pretrain logonet)
endif()
# Bit-identical weights from two processes with one seed; stop and --resume continue the same
# crop and mask sequence (through the real `logonet pretrain --run`).
logonet_add_test(test_pretrain_reproducible SOURCES test_pretrain_reproducible.cpp
                 LIBS logonet_training QT TORCH TIMEOUT 300)
add_dependencies(test_pretrain_reproducible logonet)
