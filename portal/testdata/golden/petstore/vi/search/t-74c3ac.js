errcatSearch.terms("tì",[["tìm",[5]]]);
