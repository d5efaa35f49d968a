SELECT sha2(concat_ws('\n', array_sort(collect_list(to_json(struct(*))))), 256) AS checksum FROM matrix_result
