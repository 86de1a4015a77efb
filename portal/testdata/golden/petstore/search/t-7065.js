errcatSearch.terms("pe",[["pet",[1,6]],["pet-404",[0]],["pet-409",[4]],["pet-422",[8]],["pet-503",[12]],["petnametaken",[6]],["petnotfound",[2]],["pets",[2]]]);
