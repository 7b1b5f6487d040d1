# Retrains a model (the tagger's, the name typer's) from the treebanks and
# compares its bytes with the committed one.
# Usage: cmake -DTRAIN=ng-train-tagger -DMODEL=committed
# -DOUT=scratch "-DARGS=..." -P retrain.cmake
separate_arguments(args UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${TRAIN} -o ${OUT} ${args} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "training failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${MODEL} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${OUT} differs from ${MODEL}: the trainer, its inputs or the committed model changed "
                      "(retrain with `cmake --build build --target models` and commit)")
endif()
message(STATUS "retrained model identical to ${MODEL}")
