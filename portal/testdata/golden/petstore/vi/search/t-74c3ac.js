errcatSearch.terms("tì",[["tìm",[1]]]);
