# Retrains the parser model from the treebanks and compares it with the
# committed one byte for byte (-DUPDATE=ON writes it over the committed one
# instead). This is the one place that names the training data, the epochs
# and the folds of the jackknifed tags:
#   cmake -DTRAINER=build/ng-train-parser -DEWT=... -DGUM=... -DMODEL=src/models/parser.model
#         -DOUT=/tmp/parser.model [-DUPDATE=ON] -P tests/parse/retrain.cmake
set(NG_PARSER_EPOCHS 12)
set(NG_PARSER_FOLDS 5)
execute_process(
  COMMAND ${TRAINER} -e ${NG_PARSER_EPOCHS} -j ${NG_PARSER_FOLDS} -o ${OUT}
          --files ${EWT}/file-lists/files.train ${EWT}/sources
          --files ${GUM}/files.train ${GUM}/sources
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ng-train-parser failed (${rc})")
endif()
if(UPDATE)
  file(COPY_FILE ${OUT} ${MODEL})
  message(STATUS "wrote ${MODEL}")
  return()
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${MODEL} RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  message(FATAL_ERROR "the retrained model ${OUT} differs from ${MODEL}")
endif()
